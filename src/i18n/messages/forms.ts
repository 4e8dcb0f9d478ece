import type { Translations } from '../types';

export const formsTr = {} as const;

export const formsEn: Translations<typeof formsTr> = {};
