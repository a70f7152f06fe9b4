import { type FormEvent, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { Feedback, type Outcome } from '../Feedback';
import { formatWhen } from '../format';
import { ShownOnce } from '../ShownOnce';
import { useMe } from '../session';
import { useStepUp } from '../step-up';
import { membersApi } from './members';

/** The roles I may hand out: only an owner makes owners. */
export function grantableRoles(myRole: string | undefined): string[] {
  const roles = ['admin', 'staff', 'receptionist', 'auditor'];
  return myRole === 'owner' ? ['owner', ...roles] : roles;
}

/** A single-use invitation link (7 days) for a role, shown once to pass on. */
export function InvitePanel() {
  const { t, locale } = useLocale('app');
  const me = useMe();
  const { withStepUp } = useStepUp();
  const titleId = useId();
  const roleId = useId();
  const [role, setRole] = useState('staff');
  const [invitation, setInvitation] = useState<{ link: string; role: string; expiresAt: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      setInvitation(await withStepUp(() => membersApi.invite(role)));
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('invitations.title')}</h2>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={roleId}>{t('invitations.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value)}>
            {grantableRoles(me.org?.role).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('invitations.create')}
        </button>
      </form>
      {invitation ? (
        <ShownOnce
          label={t('invitations.link', { role: t(`roles.${invitation.role}`) })}
          value={invitation.link}
          note={t('invitations.once', { expires: formatWhen(invitation.expiresAt, locale) })}
          copyLabel={t('invitations.copy')}
          copiedMessage={t('invitations.copied')}
        />
      ) : null}
      <Feedback outcome={outcome} />
    </section>
  );
}
