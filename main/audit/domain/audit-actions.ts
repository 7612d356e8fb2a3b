/** What the audit log records; the pushed record's schema and the repository's type both come from here. */
export const AUDIT_ACTIONS = [
  'view_caller',
  'reveal_number',
  'view_work_order',
  'remove_kb_alias',
  'sign_in',
  'settings_changed',
  'export_diagnostics',
  'screen_locked',
  'screen_unlocked',
  'unlock_refused',
  // A lead's monitoring INVITE checked by this console (issue #16): who, which modes, or why refused.
  'monitor_accepted',
  'monitor_refused',
  'monitor_mode',
  'monitor_ended',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
