x = 1
async def f():
    pass
