import { t } from '../../../shared/i18n/t';
import { missingSetup } from '../domain/setup-checklist';
import { settingsDialogOpened, useSettingsStore } from '../settings-store';

export const SetupChecklist = ({ needsPlatform = true }: { needsPlatform?: boolean }) => {
  const view = useSettingsStore((state) => state.view);
  if (!view) return null;
  const missing = missingSetup(view, { needsPlatform });
  if (missing.length === 0) return null;
  return (
    <section className="setup" aria-label={t('setup.title')}>
      <h2>{t('setup.title')}</h2>
      <ul>
        {missing.map((item) => (
          <li key={item}>{t(`setup.item.${item}`)}</li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={settingsDialogOpened}>
        {t('setup.open')}
      </button>
    </section>
  );
};
