"""Exceptions of the core."""


class NonFiniteError(ArithmeticError):
    """An update was refused: its cost, a gradient or a new weight is NaN or infinite.

    The trainer checks before it writes anything, so the refused update left
    the weights as they were before it.

    Attributes
    ----------
    what : str
        Which quantity was not finite: "cost", "gradient of U", "new weights of U", ….
    update : int
        The update that was refused.
    """

    def __init__(self, what: str, update: int):
        self.what = what
        self.update = update
        hint = "lower η, turn on gradient clipping, or rescale U to a smaller spectral radius"
        super().__init__(f"update {update} was refused: the {what} is not finite (NaN or "
                         f"infinite), so no weight was changed by it. Try: {hint}.")
