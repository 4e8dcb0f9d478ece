import type { Translations } from '../types';

export const cardsTr = {} as const;

export const cardsEn: Translations<typeof cardsTr> = {};
