# uncaught user-defined exception
class ConfigError(Exception):
    pass
def load(name):
    print("loading", name)
    if not name.endswith(".cfg"):
        raise ConfigError("bad config file: " + name)
load("ok.cfg")
load("settings.txt")
