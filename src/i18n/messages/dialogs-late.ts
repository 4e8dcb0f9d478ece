import type { Translations } from '../types';

export const dialogsLateTr = {} as const;

export const dialogsLateEn: Translations<typeof dialogsLateTr> = {};
