import { type FormEvent, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { ApiError } from '../api';
import { ConfirmDialog } from '../ConfirmDialog';
import { Feedback, type Outcome } from '../Feedback';
import { formatWhen } from '../format';
import { useMe, useSession } from '../session';
import { useStepUp } from '../step-up';
import { grantableRoles } from './InvitePanel';
import { type Member, dayOf, endOfDay, isDisabled, membersApi } from './members';

type Pending = { kind: 'disable' | 'enable' | 'resetMfa'; member: Member };

/** The members table; people who may grant roles also get the actions. */
export function MemberList({ members, onChanged }: { members: Member[]; onChanged: () => Promise<void> }) {
  const { t, locale } = useLocale('app');
  const me = useMe();
  const { can } = useSession();
  const { withStepUp } = useStepUp();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const manage = can('roles:grant');

  const run = async (action: () => Promise<unknown>, message: string) => {
    setOutcome(null);
    try {
      await withStepUp(action);
      setOutcome({ ok: true, message });
      await onChanged();
    } catch (error) {
      // A 409 here is one of the rules that keep an organization reachable: say which ones.
      setOutcome({ ok: false, error, reason: error instanceof ApiError && error.code === 'conflict' ? t('members.conflict') : null });
    }
  };

  const answer = (yes: boolean) => {
    const p = pending;
    setPending(null);
    if (!yes || !p) return;
    const who = p.member.name || p.member.email;
    if (p.kind === 'disable') void run(() => membersApi.disable(p.member.userId), t('members.disabledDone', { who }));
    else if (p.kind === 'enable') void run(() => membersApi.enable(p.member.userId), t('members.enabledDone', { who }));
    else void run(() => membersApi.resetMfa(p.member.userId), t('members.mfaResetDone', { who }));
  };

  return (
    <section className="panel">
      <h2>{t('members.title')}</h2>
      <Feedback outcome={outcome} />
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.status')}</th>
              {manage ? <th scope="col">{t('members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const self = m.userId === me.user.id;
              const who = m.name || m.email;
              return (
                <tr key={m.userId}>
                  <td>
                    <span className="item-title">{m.name}</span>
                    <br />
                    <span className="muted">{m.email}</span>
                  </td>
                  <td>
                    {editing === m.userId ? (
                      <RoleEditor
                        member={m}
                        onCancel={() => setEditing(null)}
                        onSave={(role, expiresAt) => {
                          setEditing(null);
                          void run(() => membersApi.setRole(m.userId, role, expiresAt), t('members.roleChanged', { who, role: t(`roles.${role}`) }));
                        }}
                      />
                    ) : (
                      <>
                        {t(`roles.${m.role}`)}
                        {m.expiresAt ? <span className="muted block">{t('members.until', { date: formatWhen(m.expiresAt, locale) })}</span> : null}
                      </>
                    )}
                  </td>
                  <td>{isDisabled(m) ? <span className="status status-cancelled">{t('members.disabled')}</span> : <span className="status">{t('members.active')}</span>}</td>
                  {manage ? (
                    <td>
                      {self ? (
                        <span className="muted">{t('members.you')}</span>
                      ) : (
                        <div className="row-actions">
                          <button type="button" className="button-secondary button-small" aria-label={t('members.changeRoleOf', { who })} onClick={() => setEditing(m.userId)}>
                            {t('members.changeRole')}
                          </button>
                          <button
                            type="button"
                            className="button-secondary button-small"
                            aria-label={t(isDisabled(m) ? 'members.enableWho' : 'members.disableWho', { who })}
                            onClick={() => setPending({ kind: isDisabled(m) ? 'enable' : 'disable', member: m })}
                          >
                            {isDisabled(m) ? t('members.enable') : t('members.disable')}
                          </button>
                          <button type="button" className="button-secondary button-small" aria-label={t('members.resetMfaOf', { who })} onClick={() => setPending({ kind: 'resetMfa', member: m })}>
                            {t('members.resetMfa')}
                          </button>
                        </div>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pending ? (
        <ConfirmDialog
          title={t(`members.confirm.${pending.kind}.title`, { who: pending.member.name || pending.member.email })}
          confirmLabel={t(`members.confirm.${pending.kind}.yes`)}
          danger={pending.kind !== 'enable'}
          onAnswer={answer}
        >
          <p>{t(`members.confirm.${pending.kind}.text`)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** A role and, for temporary access such as an outside auditor, the last day it lasts. */
function RoleEditor({ member, onSave, onCancel }: { member: Member; onSave: (role: string, expiresAt: string | null) => void; onCancel: () => void }) {
  const { t } = useLocale('app');
  const me = useMe();
  const roleId = useId();
  const untilId = useId();
  const hintId = useId();
  const [role, setRole] = useState(member.role);
  const [until, setUntil] = useState(dayOf(member.expiresAt));
  const roles = grantableRoles(me.org?.role);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(role, until ? endOfDay(until) : null);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor={roleId}>{t('members.newRole')}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value)}>
          {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={untilId}>{t('members.expires')}</label>
        <input id={untilId} type="date" value={until} aria-describedby={hintId} onChange={(e) => setUntil(e.target.value)} />
        <p className="hint" id={hintId}>
          {role === 'auditor' ? t('members.expiresAuditor') : t('members.expiresHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary button-small">
          {t('actions.save')}
        </button>
        <button type="button" className="button-secondary button-small" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
