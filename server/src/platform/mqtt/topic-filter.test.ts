import { describe, expect, it } from 'vitest';
import { SubscribedFilters } from './subscribed-filters';
import { isValidTopicFilter, isValidTopicName, topicMatches, TopicMemo } from './topic-filter';

describe('MQTT topic filters', () => {
  it.each([
    ['citydx/devices/+/heartbeat', 'citydx/devices/abc/heartbeat', true],
    ['citydx/devices/+/heartbeat', 'citydx/devices/abc/status', false],
    ['citydx/devices/+/heartbeat', 'citydx/devices/a/b/heartbeat', false],
    ['citydx/#', 'citydx', true],
    ['citydx/#', 'citydx/a/b/c', true],
    ['#', '$SYS/broker/uptime', false],
    ['+/broker/uptime', '$SYS/broker/uptime', false],
    ['$SYS/#', '$SYS/broker/uptime', true],
    ['a/+', 'a/', true],
    ['a/b', 'a/b/c', false],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicMatches(filter, topic)).toBe(expected);
  });

  it('tells valid filters and topic names', () => {
    expect(['a/#', '+', 'a/+/b', '#'].every(isValidTopicFilter)).toBe(true);
    expect(['a/#/b', 'a/b#', 'a+/b', ''].some(isValidTopicFilter)).toBe(false);
    expect(isValidTopicName('citydx/devices/1/heartbeat')).toBe(true);
    expect(isValidTopicName('citydx/+/x')).toBe(false);
  });

  it('remembers an answer per topic until cleared', () => {
    const memo = new TopicMemo<number>();
    let computed = 0;
    const answer = () => memo.answer('a/b', () => ++computed);
    expect([answer(), answer()]).toEqual([1, 1]);
    memo.clear();
    expect(answer()).toBe(2);
  });

  it('counts subscribed filters: a topic is reached while one subscription of a matching filter remains', () => {
    const filters = new SubscribedFilters();
    expect(filters.reach('v1.1/Datastreams(5)/Observations')).toBe(false);
    filters.add('v1.1/+/Observations');
    filters.add('v1.1/+/Observations');
    expect(filters.reach('v1.1/Datastreams(5)/Observations')).toBe(true);
    expect(filters.reach('v1.1/Observations')).toBe(false);
    filters.remove('v1.1/+/Observations');
    expect(filters.reach('v1.1/Datastreams(5)/Observations')).toBe(true);
    filters.remove('v1.1/+/Observations');
    expect(filters.reach('v1.1/Datastreams(5)/Observations')).toBe(false);
    filters.remove('never/subscribed');
    filters.add('#');
    expect(filters.reach('v1.1/Observations')).toBe(true);
  });
});
