import { describe, expect, it } from 'vitest';
import { isValidTopicFilter, isValidTopicName, topicMatches } from './topic-filter';

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
});
