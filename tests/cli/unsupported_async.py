async def f():
    async with g():
        pass
