"""rnn-unfold's engine: an Elman network trained by backpropagation through time.

Pure numpy; nothing here imports Qt. The contract (DESIGN.md)::

    net = core.Network.create(n_in, n_hidden, n_out, hidden="sigmoid", output="sigmoid", seed=0)
    trace = core.forward(net, X, s0=None)
    grads = core.gradients(net, X, D, cost="sse", depth=None, s0=None, mask=None)

Arrays are float64 and time-major: X (L, P, N), D (L, P, O), mask (L, P).
"""
from .activations import COSTS, HIDDEN, OUTPUT
from .bptt import Deltas, FoldBack, Pass, evaluate, gradients, run_pass
from .errors import NonFiniteError
from .forward import Trace, forward
from .network import PARAMS, Network
from .schemes import PRESETS, Scheme, preset, windows
from .timeline import PHASES, MicroStep, Reveal, Timeline
from .training import Trainer, Update
from . import checks  # noqa: F401  (argument checks: one ValueError naming the argument)

__all__ = ["COSTS", "HIDDEN", "OUTPUT", "PARAMS", "PHASES", "PRESETS", "Deltas", "FoldBack",
           "MicroStep", "Network", "NonFiniteError", "Pass", "Reveal", "Scheme", "Timeline",
           "Trace", "Trainer", "Update", "evaluate", "forward", "gradients", "preset",
           "run_pass", "windows"]

# Insight panels: vanishing/exploding diagnostics and the gradient check (Qt-free).
from . import diagnostics, gradcheck  # noqa: E402
from .gradcheck import GradCheck  # noqa: E402

__all__ += ["GradCheck", "diagnostics", "gradcheck"]
from .tasks import TASKS, ParamSpec, Settings, Task, make_task, task_info, task_params  # noqa: E402

__all__ += ["TASKS", "ParamSpec", "Settings", "Task", "make_task", "task_info", "task_params"]
