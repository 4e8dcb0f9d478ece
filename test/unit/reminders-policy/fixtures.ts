import { parseReminderPolicyConfig, type ReminderPolicyConfigInput } from '../../../src/domain/reminders';

/**
 * A fake clock for the policy: fixed instants written as Istanbul wall-clock time. March 2025: Monday 3rd
 * to Sunday 9th, Monday 10th; Istanbul is UTC+3, so 09:00 there is 06:00Z.
 */
export function istanbul(local: string): Date {
  return new Date(`${local}+03:00`);
}

export const ZERO = (): number => 0;
export const ALMOST_ONE = (): number => 0.999_999_9;

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function config(overrides: ReminderPolicyConfigInput = {}) {
  return parseReminderPolicyConfig(overrides);
}

/** A seeded source (mulberry32), so "many random draws" tests are repeatable. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
