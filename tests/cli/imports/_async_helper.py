x = 1
async def f():
    async with g():
        pass
