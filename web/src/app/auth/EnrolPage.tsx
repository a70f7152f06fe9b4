import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLocale } from '../../components/useLocale';
import { PLACE_OF_STAGE, type SessionStage, useSession } from '../session';
import { AuthFrame } from './AuthFrame';
import { type EnrolmentDone, FactorEnrolment } from './FactorEnrolment';
import { RecoveryCodes } from './RecoveryCodes';

/** Forced enrolment: the organization requires a second factor before the app opens. */
export function EnrolPage() {
  const { t } = useLocale('app');
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [done, setDone] = useState<EnrolmentDone | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const finish = async () => {
    const session = await refresh();
    const stage: SessionStage = session.status === 'signed-in' ? session.me.session.stage : 'full';
    navigate(PLACE_OF_STAGE[stage], { replace: true });
  };

  const enrolled = (result: EnrolmentDone) => {
    if (result.recoveryCodes && result.recoveryCodes.length > 0) setDone(result);
    else void finish();
  };

  return (
    <AuthFrame>
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        {t('enrol.title')}
      </h1>
      {done?.recoveryCodes ? (
        <RecoveryCodes codes={done.recoveryCodes} onDone={() => void finish()} />
      ) : (
        <>
          <p className="lead">{t('enrol.intro')}</p>
          <FactorEnrolment onEnrolled={enrolled} />
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('shell.signOut')}
          </button>
        </>
      )}
    </AuthFrame>
  );
}
