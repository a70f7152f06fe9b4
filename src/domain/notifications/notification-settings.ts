/** What an organization chooses about the messages it sends. */
export interface NotificationSettings {
  /** Minutes before the start at which reminders go out (default 24 h and 2 h). */
  reminderOffsetsMin: number[];
  /** No reminder arrives in this local window of the customer's zone, minutes of the day [start, end). */
  quietHours: { startMin: number; endMin: number } | null;
  /** Minutes after the end at which a follow-up message goes out; null for none (the default). */
  followUpAfterMin: number | null;
  /** Booking notes may hold health details: left out of every message unless the org allows it. */
  includeNotesInMessages: boolean;
  /** Calendar feeds show service and the customer's first name only, unless this is set. */
  calendarFeedFullNames: boolean;
  /** Host names webhooks may reach even though they resolve to private addresses. */
  webhookAllowedHosts: string[];
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = Object.freeze({
  reminderOffsetsMin: [24 * 60, 120],
  quietHours: { startMin: 21 * 60, endMin: 8 * 60 },
  followUpAfterMin: null,
  includeNotesInMessages: false,
  calendarFeedFullNames: false,
  webhookAllowedHosts: [],
});

/** Stored settings over the defaults, so a setting added later has its default. */
export function withDefaults(stored: Partial<NotificationSettings>): NotificationSettings {
  return { ...DEFAULT_NOTIFICATION_SETTINGS, ...stored };
}
