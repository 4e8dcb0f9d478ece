import type { Translations } from '../types';

export const domainTr = {} as const;

export const domainEn: Translations<typeof domainTr> = {};
