import type { Locale } from '../../domain/model.js';
import type { WeeklyHours } from '../../domain/slots/types.js';
import type { CreateServiceInput } from '../admin/create-service.js';

/** A demo service; `staff` are indexes into the org's staff list. */
export interface DemoService extends Omit<CreateServiceInput, 'orgSlug' | 'staffIds'> {
  staff: number[];
  /** How many demo customers book it, all at one slot (more than one for a group class). */
  bookings: { slotIndex: number; customers: number };
}

export interface DemoOrg {
  slug: string;
  name: string;
  timeZone: string;
  locale: Locale;
  staff: string[];
  services: DemoService[];
  /** Mon-Fri, with a lunch break; the weekend off. */
  week: WeeklyHours[];
  /** Extra hours on the first Saturday ahead, for staff 0, in minutes of the day. */
  saturdayExtra: { start: number; end: number };
  /** Demo customers: obviously fake, on example.com. */
  customer(n: number): { name: string; email: string };
}

const hm = (h: number, m = 0) => h * 60 + m;

function weekdays(...intervals: [number, number][]): WeeklyHours[] {
  return [1, 2, 3, 4, 5].flatMap((weekday) => intervals.map(([start, end]) => ({ weekday, start, end })));
}

export const DEMO_ORGS: readonly DemoOrg[] = [
  {
    slug: 'demo-clinic',
    name: '康宁诊所 Kangning Clinic',
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    staff: ['李医生', '王医生', '张护士'],
    services: [
      {
        name: '全科门诊',
        description: '常见病、慢性病复诊与健康咨询。',
        durationMin: 20,
        priceCents: 5000,
        currency: 'CNY',
        staff: [0, 1],
        bookings: { slotIndex: 0, customers: 1 },
      },
      {
        name: '中医推拿',
        description: '肩颈腰背放松调理；每次治疗后留出时间整理治疗室。',
        durationMin: 45,
        slotIntervalMin: 30,
        bufferBeforeMin: 5,
        bufferAfterMin: 15,
        priceCents: 18000,
        currency: 'CNY',
        staff: [1, 2],
        bookings: { slotIndex: 3, customers: 1 },
      },
      {
        name: '孕期瑜伽课',
        description: '小班课程，最多 8 人，由护士带领。',
        durationMin: 60,
        capacity: 8,
        priceCents: 8000,
        currency: 'CNY',
        staff: [2],
        bookings: { slotIndex: 1, customers: 3 },
      },
      {
        name: '专家会诊',
        description: '需诊所确认后生效。',
        durationMin: 40,
        slotIntervalMin: 60,
        requiresApproval: true,
        priceCents: 30000,
        currency: 'CNY',
        staff: [0],
        bookings: { slotIndex: 2, customers: 1 },
      },
    ],
    week: weekdays([hm(8, 30), hm(12)], [hm(13, 30), hm(17, 30)]),
    saturdayExtra: { start: hm(9), end: hm(12) },
    customer: (n) => ({ name: `演示患者${n}`, email: `demo-patient-${n}@example.com` }),
  },
  {
    slug: 'demo-shop',
    name: 'Berlin Bike Shop',
    timeZone: 'Europe/Berlin',
    locale: 'en',
    staff: ['Anna Schmidt', 'Jonas Weber', 'Lea Fischer'],
    services: [
      {
        name: 'Quick check-up',
        description: 'Brakes, gears and tyres checked while you wait.',
        durationMin: 30,
        priceCents: 2500,
        currency: 'EUR',
        staff: [0, 1, 2],
        bookings: { slotIndex: 0, customers: 1 },
      },
      {
        name: 'Full service',
        description: 'Everything cleaned, adjusted and greased; the workbench is cleared after each bike.',
        durationMin: 90,
        slotIntervalMin: 30,
        bufferAfterMin: 15,
        priceCents: 8900,
        currency: 'EUR',
        staff: [1, 2],
        bookings: { slotIndex: 2, customers: 1 },
      },
      {
        name: 'Repair workshop (group)',
        description: 'Learn to fix a flat and adjust your brakes; up to 6 people.',
        durationMin: 120,
        capacity: 6,
        priceCents: 4000,
        currency: 'EUR',
        staff: [0],
        bookings: { slotIndex: 0, customers: 2 },
      },
      {
        name: 'Custom wheel build consultation',
        description: 'We confirm your request within a day.',
        durationMin: 60,
        requiresApproval: true,
        staff: [1],
        bookings: { slotIndex: 1, customers: 1 },
      },
    ],
    week: weekdays([hm(10), hm(13)], [hm(14), hm(18, 30)]),
    saturdayExtra: { start: hm(10), end: hm(14) },
    customer: (n) => ({ name: `Demo Customer ${n}`, email: `demo-customer-${n}@example.com` }),
  },
];
