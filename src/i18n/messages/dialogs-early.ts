import type { Translations } from '../types';

export const dialogsEarlyTr = {} as const;

export const dialogsEarlyEn: Translations<typeof dialogsEarlyTr> = {};
