import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { ormOptions } from '../../../core/db/orm-config';
import { SCOPE_FILTER, SYSTEM_SCOPE } from '../../../core/scope/scope';
import type { ReportScope } from '../access';
import { agingByBuilding, collectionByBuilding, collectionByItem, inOneSnapshot, prepaidBalancePage, prepaidTotals } from '../queries';
import { expectedAgingAt, FIXTURE_AS_OF, FIXTURE_PERIOD, seedReportFixture, type FixtureExpectations } from './report-fixture';

/** The report SQL on SQLite (the embedded database of `npm start`); test/integration/report runs the same fixture on MariaDB. */
let orm: MikroORM;
let em: EntityManager;
let x: FixtureExpectations;
let scope: ReportScope;

beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-report-')), 'db.sqlite');
  orm = await MikroORM.init({ ...ormOptions({ kind: 'sqlite', url: file }), debug: false });
  await orm.getMigrator().up();
  em = orm.em.fork();
  em.setFilterParams(SCOPE_FILTER, SYSTEM_SCOPE);
  x = await seedReportFixture(em);
  scope = { estateId: x.estateId, estateName: '报表测试小区' } as ReportScope;
});
afterAll(() => orm?.close(true));

const four = (r: { receivableFen: number; receivedFen: number; reducedFen: number }) => [r.receivableFen, r.receivedFen, r.reducedFen, r.receivableFen - r.receivedFen - r.reducedFen];

test('collection by item and by building sums the period’s lines of this estate only', async () => {
  const byItem = await collectionByItem(scope, em, FIXTURE_PERIOD);
  expect(Object.fromEntries(byItem.map((r) => [r.code, four(r)]))).toEqual(x.collection.byItem);
  expect(byItem.map((r) => r.name)).toEqual(['水费', '物业管理费']); // by code: SF, WYF
  const byBuilding = await collectionByBuilding(scope, em, FIXTURE_PERIOD);
  expect(Object.fromEntries(byBuilding.map((r) => [r.code, four(r)]))).toEqual(x.collection.byBuilding);
  for (const r of [...byItem, ...byBuilding]) expect(Number.isSafeInteger(r.receivableFen)).toBe(true);
  expect(await collectionByItem(scope, em, '2030-01')).toEqual([]);
});

test('aging buckets on every boundary day, against the line-by-line oracle and by hand', async () => {
  const rows = await agingByBuilding(scope, em, FIXTURE_AS_OF);
  const got = Object.fromEntries(rows.map(({ id: _i, code, name: _n, ...rest }) => [code, rest]));
  expect(got).toEqual(x.aging.byBuilding);
  expect(got.A).toEqual({ upTo30Fen: 6, days31To90Fen: 14_341, days91To180Fen: 64, days181To365Fen: 128, over365Fen: 1_024, totalFen: 15_563, roomCount: 2 });
  expect(got.B).toEqual({ upTo30Fen: 0, days31To90Fen: 30_016, days91To180Fen: 32, days181To365Fen: 256, over365Fen: 512, totalFen: 30_816, roomCount: 1 });
  // One day later every line ages by a day: 30 → 31, 90 → 91, 180 → 181, 365 → 366; the one due on asOf becomes 1.
  const later = Object.fromEntries((await agingByBuilding(scope, em, '2027-01-01')).map(({ id: _i, code, name: _n, ...rest }) => [code, rest]));
  expect(later).toEqual(expectedAgingAt('2027-01-01').byBuilding);
  expect(later.A).toMatchObject({ upTo30Fen: 1 + 2, days31To90Fen: 14_341 + 4, days91To180Fen: 0, days181To365Fen: 64 + 128, over365Fen: 1_024 });
  expect(later.B).toMatchObject({ upTo30Fen: 0, days31To90Fen: 30_000, days91To180Fen: 16 + 32, days181To365Fen: 0, over365Fen: 256 + 512 });
});

test('prepaid balances: non-zero rooms by code, paged, and the total', async () => {
  expect(await prepaidTotals(scope, em)).toEqual({ roomCount: 2, totalFen: x.prepaid.totalFen });
  const first = await prepaidBalancePage(scope, em, null, 1);
  expect(first).toEqual([expect.objectContaining({ roomCode: 'A-101', buildingCode: 'A', balanceFen: 3_000 })]);
  const rest = await prepaidBalancePage(scope, em, first[0].roomCode, 10);
  expect(rest.map((r) => [r.roomCode, r.balanceFen])).toEqual([['B-101', 7]]);
});

test('a report query without an estate is refused before any SQL runs', async () => {
  for (const bad of [undefined, {}, { estateId: '' }, { estateId: 'x' }] as unknown as ReportScope[]) {
    await expect(collectionByItem(bad, em, FIXTURE_PERIOD)).rejects.toThrow('without an estate');
    await expect(agingByBuilding(bad, em, FIXTURE_AS_OF)).rejects.toThrow('without an estate');
    await expect(prepaidTotals(bad, em)).rejects.toThrow('without an estate');
  }
});

test('sections read in one snapshot add up to the same totals', async () => {
  const [byItem, byBuilding] = await inOneSnapshot(em, (tx) => Promise.all([collectionByItem(scope, tx, FIXTURE_PERIOD), collectionByBuilding(scope, tx, FIXTURE_PERIOD)]));
  const sum = (rows: { receivableFen: number }[]) => rows.reduce((s, r) => s + r.receivableFen, 0);
  expect(sum(byItem)).toBe(sum(byBuilding));
});
