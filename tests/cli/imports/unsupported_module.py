import math
import re
