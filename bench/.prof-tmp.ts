import { findStaffSlots } from '../src/domain/slots/slot-finder.js';
import { findTeamSlots } from '../src/domain/slots/team-slots.js';
import { readWorkload, toEngineInput } from './slot-workload.js';
const input = toEngineInput(readWorkload('/work/shared/bench/workloads/w2team.json'), Date.parse('2027-02-28T00:00:00Z'));
for (let k = 0; k < 3; k++) {
  for (let i = 0; i < 30; i++) findTeamSlots(input.staff, input.rules, input.query);
  let t = performance.now();
  for (let i = 0; i < 50; i++) findTeamSlots(input.staff, input.rules, input.query);
  console.log('team', (performance.now() - t) / 50);
  t = performance.now();
  for (let i = 0; i < 50; i++) for (const s of input.staff) findStaffSlots(s, input.rules, input.query);
  console.log('staff', (performance.now() - t) / 50);
}
