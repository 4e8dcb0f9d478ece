import type { Translations } from '../types';

export const validationTr = {} as const;

export const validationEn: Translations<typeof validationTr> = {};
