"""The machine a benchmark ran on, in one line: every benchmark prints it above its figures.

    from machine import cpu_summary     # benchmarks/ is on sys.path when a script in it runs
"""
import os, platform
import torch

def cpu_flags() -> set:
    "The CPU's feature flags from /proc/cpuinfo (empty where there is none)"
    try: return next((set(l.split(':', 1)[1].split()) for l in open('/proc/cpuinfo') if l.startswith('flags')), set())
    except OSError: return set()

def cpu_name() -> str:
    "The CPU's model name"
    try: return next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except (OSError, StopIteration): return platform.processor() or platform.machine() or 'unknown CPU'

def has_amx() -> bool:
    "Whether the CPU has AMX tiles (bfloat16 about 2x faster); without them these benchmarks run float32"
    return 'amx_tile' in cpu_flags() or bool(getattr(torch.cpu, '_is_amx_tile_supported', lambda: False)())

def cpu_summary() -> str:
    "One line: the CPU's name, cores, AVX-512 / AMX, torch's threads and OpenMP's wait policy"
    return (f"cpu: {cpu_name()}, {os.cpu_count()} cores, AVX-512 {'yes' if 'avx512f' in cpu_flags() else 'no'}, "
            f"AMX {'yes' if has_amx() else 'no'}; torch {torch.__version__}, threads {torch.get_num_threads()}, "
            f"OMP_WAIT_POLICY {os.environ.get('OMP_WAIT_POLICY', 'unset')}")
