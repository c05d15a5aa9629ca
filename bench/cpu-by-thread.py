#!/usr/bin/env python3
"""Where the CPU went while a benchmark ran: every thread of every process on this machine, grouped by process,
thread name (digits folded) and nice value. Decision 0705 used it to find what still ran at normal priority under
LoadBenchmark's burst. Linux only (reads /proc). Not part of ./test.

  bench/cpu-by-thread.py timeline OUT.jsonl [SECONDS]   sample every 2 s until SECONDS (default 600) or OUT.jsonl.stop
  bench/cpu-by-thread.py report OUT.jsonl FROM TO       CPU between the samples nearest FROM and TO (seconds from start)
  bench/cpu-by-thread.py lane OUT.jsonl                 the hub's bulk-lane CPU per sample: shows when a burst ran
  bench/cpu-by-thread.py runnable [SECONDS]             each second, threads runnable at once by process and nice
                                                        value (mean of 10 samples; the scheduler weighs each)

A thread that ends between two samples loses what it used after the last one (at most 2 s); the hub is the JVM running `HubCommand serve`,
the load generator the Surefire fork.
"""
import collections
import json
import os
import re
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')


def role(cmdline):
    if 'HubCommand serve' in cmdline:
        return 'hub'
    if 'surefire' in cmdline:
        return 'generator'
    return ''


def sample():
    tasks = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            process = open(f'/proc/{pid}/comm').read().strip()
            who = role(open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace'))
            for tid in os.listdir(f'/proc/{pid}/task'):
                stat = open(f'/proc/{pid}/task/{tid}/stat').read()
                fields = stat[stat.rindex(')') + 2:].split()
                tasks[f'{pid}/{tid}'] = {'process': f'{process}:{who}' if who else process,
                                         'thread': stat[stat.index('(') + 1:stat.rindex(')')],
                                         'nice': int(fields[16]), 'ticks': int(fields[11]) + int(fields[12]),
                                         'state': fields[0]}
        except (OSError, ValueError):
            pass  # the process or thread ended while it was read
    return tasks


def timeline(out, seconds):
    end = time.time() + seconds
    with open(out, 'w') as f:
        while time.time() < end and not os.path.exists(out + '.stop'):
            f.write(json.dumps({'at': time.time(), 'tasks': sample()}) + '\n')
            f.flush()
            time.sleep(2)


def process_of(task):
    """The task's process as grouped: all of PostgreSQL's processes as one."""
    return 'postgres' if task['process'].startswith('postgres') else task['process']


def load(path):
    return [json.loads(line) for line in open(path)]


def report(path, start, stop):
    samples = load(path)
    t0 = samples[0]['at']
    a = min(samples, key=lambda s: abs(s['at'] - t0 - start))
    b = min(samples, key=lambda s: abs(s['at'] - t0 - stop))
    last = {}  # each thread as last seen up to b, so that one ending inside the window still counts
    for s in samples:
        if a['at'] < s['at'] <= b['at']:
            last.update(s['tasks'])
    groups = collections.Counter()
    for key, task in last.items():
        used = task['ticks'] - a['tasks'].get(key, {}).get('ticks', 0)
        if used > 0:
            groups[(process_of(task), re.sub(r'\d+', '#', task['thread']), task['nice'])] += used
    total = sum(groups.values())
    print(f"{a['at'] - t0:.1f} s to {b['at'] - t0:.1f} s: {total / HZ:.1f} s of CPU")
    for (process, thread, nice), used in groups.most_common(25):
        print(f'{used / HZ:8.1f} s {100 * used / total:5.1f} %  nice {nice:3d}  {process:16s} {thread}')


def lane(path):
    samples = load(path)
    previous = None
    for s in samples:
        used = sum(t['ticks'] for t in s['tasks'].values()
                   if t['process'].endswith(':hub') and t['thread'].startswith('bulk'))
        if previous is not None:
            print(f"{s['at'] - samples[0]['at']:7.1f} s {max(0, used - previous) / HZ:6.2f} s")
        previous = used


def runnable(seconds):
    end = time.time() + seconds
    t0 = time.time()
    while time.time() < end:
        counts = collections.Counter()
        for _ in range(10):
            for task in sample().values():
                if task['state'] == 'R':
                    counts[(process_of(task), task['nice'])] += 1
            time.sleep(0.1)
        shown = '  '.join(f'{p} nice {n}: {c / 10:.1f}' for (p, n), c in sorted(counts.items()) if c >= 5)
        print(f'{time.time() - t0:6.1f} s  {shown}', flush=True)


if __name__ == '__main__':
    command = sys.argv[1] if len(sys.argv) > 1 else ''
    if command == 'timeline' and len(sys.argv) in (3, 4):
        timeline(sys.argv[2], float(sys.argv[3]) if len(sys.argv) == 4 else 600)
    elif command == 'report' and len(sys.argv) == 5:
        report(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    elif command == 'lane' and len(sys.argv) == 3:
        lane(sys.argv[2])
    elif command == 'runnable' and len(sys.argv) in (2, 3):
        runnable(float(sys.argv[2]) if len(sys.argv) == 3 else 600)
    else:
        sys.exit(__doc__)
