print("before")
import _async_helper
