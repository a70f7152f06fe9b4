import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { BookingCreated, Hold, Service, ServiceList, Slot } from '../api/types';
import { Layout } from '../components/Layout';
import { TimeZonePicker } from '../components/TimeZonePicker';
import { StepSection } from '../components/StepSection';
import { useLocale } from '../components/useLocale';
import { detectTimeZone } from '../lib/time';
import { Confirmation } from './Confirmation';
import { DetailsForm } from './DetailsForm';
import { ServiceStep } from './ServiceStep';
import { type PickOutcome, SlotPicker } from './SlotPicker';
import { StaffStep } from './StaffStep';
import { StepIndicator } from './StepIndicator';

type Step = 'service' | 'staff' | 'time' | 'details' | 'done';

/** `/book/{org}`: service, staff or anyone, day and time, details, confirmation. */
export function BookingPage() {
  const { org = '' } = useParams();
  const { t } = useLocale();
  const [data, setData] = useState<ServiceList | null>(null);
  const [loadError, setLoadError] = useState<'not_found' | 'failed' | null>(null);
  const [zone, setZone] = useState(detectTimeZone);
  const [step, setStep] = useState<Step>('service');
  const [navigated, setNavigated] = useState(false);
  const [service, setService] = useState<Service | null>(null);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [hold, setHold] = useState<{ hold: Hold; key: string } | null>(null);
  const [takenStart, setTakenStart] = useState<string | null>(null);
  const [holdFailed, setHoldFailed] = useState(false);
  const [result, setResult] = useState<BookingCreated | null>(null);

  useEffect(() => {
    let live = true;
    api.services(org).then(
      (list) => {
        if (live) setData(list);
      },
      (error: unknown) => {
        if (live) setLoadError(error instanceof ApiError && (error.status === 404 || error.status === 400) ? 'not_found' : 'failed');
      },
    );
    return () => {
      live = false;
    };
  }, [org]);

  useEffect(() => {
    if (data) document.title = t('book.title', { business: data.org.name });
  }, [data, t]);

  // The hold the customer is typing under; given back when they go back or leave the page.
  const liveHold = useRef<string | null>(null);
  useEffect(() => {
    liveHold.current = step === 'details' && hold ? hold.hold.holdToken : null;
  }, [step, hold]);
  const giveBack = useCallback(() => {
    const token = liveHold.current;
    if (!token) return;
    liveHold.current = null;
    // Best effort: a hold not given back still runs out by itself after a few minutes.
    api.releaseHold(org, token).catch(() => {});
  }, [org]);
  useEffect(() => {
    window.addEventListener('pagehide', giveBack);
    return () => window.removeEventListener('pagehide', giveBack);
  }, [giveBack]);

  const go = (next: Step) => {
    setNavigated(true);
    setStep(next);
  };

  const chooseService = (s: Service) => {
    setService(s);
    if (s.staff.length > 1) {
      go('staff');
      return;
    }
    setStaffId(null);
    go('time');
  };

  const pick = useCallback(
    async (slot: Slot): Promise<PickOutcome> => {
      if (!service) return 'taken';
      setHoldFailed(false);
      try {
        const created = await api.hold(org, { serviceId: service.id, start: slot.start, staffId, timeZone: zone });
        setHold({ hold: created, key: crypto.randomUUID() });
        setTakenStart(null);
        go('details');
        return 'ok';
      } catch (error) {
        if (error instanceof ApiError && error.code === 'slot_unavailable') return 'taken';
        setHoldFailed(true);
        return 'ok';
      }
    },
    [org, service, staffId, zone],
  );

  if (loadError) return <LoadProblem kind={loadError} />;
  if (!data) {
    return (
      <Layout title={null}>
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </Layout>
    );
  }

  const businessZone = data.org.timeZone;
  const staffName = service && staffId ? (service.staff.find((s) => s.id === staffId)?.name ?? null) : null;
  const restart = () => {
    setResult(null);
    setHold(null);
    setService(null);
    go('service');
  };

  return (
    <Layout title={data.org.name}>
      <h1 className="page-title">{t('book.heading', { business: data.org.name })}</h1>
      {step !== 'done' && <StepIndicator step={step} />}
      {(step === 'time' || step === 'details' || step === 'done') && (
        <TimeZonePicker zone={zone} onChange={setZone} businessZone={businessZone} businessName={data.org.name} />
      )}
      {step === 'service' && <ServiceStep services={data.services} onChoose={chooseService} takeFocus={navigated} />}
      {step === 'staff' && service && (
        <StaffStep
          service={service}
          onChoose={(id) => {
            setStaffId(id);
            go('time');
          }}
          onBack={() => go('service')}
        />
      )}
      {step === 'time' && service && (
        <StepSection heading={t('slots.heading')} onBack={() => go(service.staff.length > 1 ? 'staff' : 'service')}>
          {holdFailed && (
            <p className="notice notice-error" role="alert">
              {t('errors.holdFailed')}
            </p>
          )}
          <SlotPicker key={`${service.id}:${staffId ?? 'any'}`} org={org} serviceId={service.id} staffId={staffId} zone={zone} onPick={pick} takenStart={takenStart} />
        </StepSection>
      )}
      {step === 'details' && service && hold && (
        <DetailsForm
          org={org}
          orgName={data.org.name}
          service={service}
          staffName={staffName ?? service.staff.find((s) => s.id === hold.hold.staffId)?.name ?? null}
          requestedStaffId={staffId}
          hold={hold.hold}
          idempotencyKey={hold.key}
          zone={zone}
          businessZone={businessZone}
          onBooked={(r) => {
            setResult(r);
            go('done');
          }}
          onTaken={(start) => {
            setTakenStart(start);
            go('time');
          }}
          onBack={() => {
            giveBack();
            go('time');
          }}
        />
      )}
      {step === 'done' && result && <Confirmation result={result} orgName={data.org.name} zone={zone} businessZone={businessZone} onAgain={restart} />}
    </Layout>
  );
}

function LoadProblem({ kind }: { kind: 'not_found' | 'failed' }) {
  const { t } = useLocale();
  return (
    <Layout title={null}>
      <h1 className="page-title">{kind === 'not_found' ? t('book.notFound') : t('errors.loadFailed')}</h1>
      <p>{kind === 'not_found' ? t('book.notFoundText') : t('errors.tryAgain')}</p>
    </Layout>
  );
}
