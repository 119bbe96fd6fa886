"""Exceptions of the core."""


class NonFiniteError(ArithmeticError):
    """The cost or a gradient became NaN or infinite; the weights were left as they were.

    Attributes
    ----------
    what : str
        Which quantity was not finite ("cost" or a parameter name).
    update : int
        The update that was refused.
    """

    def __init__(self, what: str, update: int):
        self.what = what
        self.update = update
        hint = "lower η, turn on gradient clipping, or rescale U to a smaller spectral radius"
        super().__init__(f"update {update}: the {what} is not finite (NaN or infinite); "
                         f"the weights were left as they were. Try: {hint}.")
