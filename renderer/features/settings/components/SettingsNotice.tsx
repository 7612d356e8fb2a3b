import { useSettingsStore } from '../settings-store';

/** Confirmation after the dialog closes; errors are shown inside the dialog next to their fields. */
export const SettingsNotice = () => {
  const notice = useSettingsStore((state) => (state.dialogOpen ? null : state.notice));
  if (!notice) return null;
  return (
    <p className={`toast toast--${notice.kind}`} role="status">
      {notice.text}
    </p>
  );
};
