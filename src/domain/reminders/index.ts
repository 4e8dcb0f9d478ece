export * from './policy-config';
export { isWithinBusinessHours, placeInBusinessHours } from './business-hours';
export { nextReminderAt, nominalOffsetDays, remindersExhausted, shouldEscalate } from './reminder-timing';
export { remindersDueFor, type DueReminder } from './reminders-due';
export * from './reminder-message';
export * from './reminder-kinds';
