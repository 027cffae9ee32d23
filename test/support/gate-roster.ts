/** A small roster for the gate's unit tests: a rep and the managers of two regions. */
import type { Person, Region } from '../../src/model/index.ts';

export const GATE_PEOPLE: Person[] = [
  { id: 'xuning', name: '徐宁', role: 'rep', region: 'east', joined: '2022-10-25' },
  { id: 'luoxinhua', name: '罗新华', role: 'manager', region: 'east', joined: '2021-05-09' },
  { id: 'zhangxin', name: '张鑫', role: 'manager', region: 'south', joined: '2021-05-09' },
];

export const GATE_REGIONS: Region[] = [
  { id: 'east', name: '华东区', manager: 'luoxinhua' },
  { id: 'south', name: '华南区', manager: 'zhangxin' },
];
