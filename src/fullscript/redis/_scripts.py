"""The Lua scripts of the Redis limiter. Each runs atomically inside Redis, and Redis `TIME`
is the one clock, so processes on machines with skewed clocks still agree.

The log of a quota is a sorted set: member = one slot, score = when it stops being "in
flight". A slot is added with score now + lease (it counts while its request is on the way),
and release moves the score to the response time; it then counts until score + window. A
slot whose holder died keeps counting until its lease ran out plus one window, never forever.
"""

from __future__ import annotations

__all__ = ["ACQUIRE", "DROP", "PAUSE", "RELEASE"]

# Takes a slot that leaves the log (``member``, "<i|b>:<hex>:<grant>") out of the counts hash:
# the interactive count and its grant's. Shared by the scripts that remove slots.
_UNCOUNT = """
local function uncount(counts, member)
  local c, g = string.match(member, '^(%a):%x+:(.*)$')
  if c == 'i' and redis.call('HINCRBY', counts, 'i', -1) <= 0 then
    redis.call('HDEL', counts, 'i')
  end
  if g and redis.call('HINCRBY', counts, 'g:' .. g, -1) <= 0 then
    redis.call('HDEL', counts, 'g:' .. g)
  end
end
"""

# KEYS: [1] log, [2] pause, [3] marker, [4] counts (hash: "i" = interactive slots in the
# log, "g:<grant>" = that grant's slots in the log), [5] waiting (sorted set: background
# grants refused lately, score = when that stops counting), [6] interactive-active marker,
# [7] interactive-waiting marker, [8] weights (hash: grant -> weight).
# ARGV: [1] limit, [2] window (s), [3] lease (s), [4] member ("<i|b>:<hex>:<grant>"),
# [5] whether the caller saw the marker before (1/0), [6] class ("i" or "b"), [7] grant,
# [8] its weight, [9] reserve (slots), [10] reserve always (1/0), [11] how soon a background
# caller held back for another's turn asks again (s), [12] how long a refused caller counts
# as waiting beyond its wait (s), [13] how long the caller will wait at most (s, "inf").
# Returns {granted (0/1), wait (s, as a string: Lua numbers become integers in replies), now,
# lost (1 when this run found that Redis lost the quota's data)}.
#
# The marker never expires, unlike the log (which goes when it has been idle for lease +
# window). So a marker missing for a caller who saw it means Redis lost its data (restarted
# empty, flushed, failed over to a replica that never received the keys). The server still counts
# the requests of the lost log, so the window starts full: a pause of one window, which every
# process honours.
#
# Classes and fair share, with no queue process: an interactive call marks interactive work
# active for a window; while it is, background work may not take the last `reserve` slots
# less the interactive slots in the window. An interactive caller that will wait marks
# itself, and background callers then step back until it is served. A background caller
# refused registers its grant as waiting; a background caller finding a free slot steps
# back when a waiting grant has fewer slots in the window than its own (weighted), so free
# slots go to the least-served grants that want them.
ACQUIRE = (
    _UNCOUNT
    + """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local class = ARGV[6]
local grant = ARGV[7]
local weight = tonumber(ARGV[8])
local reserve = tonumber(ARGV[9])
local retry = tonumber(ARGV[11])
local margin = tonumber(ARGV[12])
local patience = tonumber(ARGV[13])
local idle_ms = math.ceil((lease + window) * 1000)
local lost = 0
if redis.call('EXISTS', KEYS[3]) == 0 then
  redis.call('SET', KEYS[3], '1')
  if ARGV[5] == '1' then
    lost = 1
    local ms = math.ceil(window * 1000)
    if redis.call('PTTL', KEYS[2]) < ms then redis.call('SET', KEYS[2], 'lost', 'PX', ms) end
  end
end
-- A slot released at s counts while s + window > now. Its counts go with it.
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - window)
if #expired > 0 then
  for _, member in ipairs(expired) do uncount(KEYS[4], member) end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
end
local wait = 0
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then wait = paused / 1000 end
local used = redis.call('ZCARD', KEYS[1])
local cap = limit
if class == 'i' then
  redis.call('SET', KEYS[6], '1', 'PX', math.ceil(window * 1000))
elseif reserve > 0 and (ARGV[10] == '1' or redis.call('EXISTS', KEYS[6]) == 1) then
  local held = reserve - tonumber(redis.call('HGET', KEYS[4], 'i') or '0')
  if held > 0 then cap = limit - held end
end
if used >= cap then
  -- The (used - cap + 1)-th oldest slot must leave first; scores sort released slots
  -- (score <= now) before those still in flight (score = grant + lease > now).
  local entry = redis.call('ZRANGE', KEYS[1], used - cap, used - cap, 'WITHSCORES')
  local score = tonumber(entry[2])
  local free
  if score <= now then
    free = score + window - now
  else
    -- Still in flight: once released it counts one more window, so at least that long.
    free = window
  end
  if free > wait then wait = free end
end
if class == 'b' and wait == 0 then
  if redis.call('PTTL', KEYS[7]) > 0 then
    wait = retry  -- an interactive caller waits: it goes first
  else
    redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
    local mine = tonumber(redis.call('HGET', KEYS[4], 'g:' .. grant) or '0') / weight
    for _, other in ipairs(redis.call('ZRANGE', KEYS[5], 0, -1)) do
      if other ~= grant then
        local theirs = tonumber(redis.call('HGET', KEYS[4], 'g:' .. other) or '0')
          / tonumber(redis.call('HGET', KEYS[8], other) or '1')
        if theirs < mine then
          wait = retry  -- a less-served grant waits for this slot
          break
        end
      end
    end
  end
end
if wait > 0 then
  if class == 'b' then
    redis.call('ZADD', KEYS[5], now + wait + margin, grant)
    redis.call('HSET', KEYS[8], grant, ARGV[8])
    redis.call('PEXPIRE', KEYS[5], idle_ms)
    redis.call('PEXPIRE', KEYS[8], idle_ms)
  elseif wait <= patience then
    local ms = math.ceil((wait + margin) * 1000)
    if redis.call('PTTL', KEYS[7]) < ms then redis.call('SET', KEYS[7], '1', 'PX', ms) end
  end
  return {0, tostring(wait), tostring(now), lost}
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
if class == 'i' then
  redis.call('HINCRBY', KEYS[4], 'i', 1)
  if redis.call('PTTL', KEYS[7]) > 0 then redis.call('DEL', KEYS[7]) end
else
  redis.call('ZREM', KEYS[5], grant)
end
redis.call('HINCRBY', KEYS[4], 'g:' .. grant, 1)
redis.call('PEXPIRE', KEYS[1], idle_ms)
redis.call('PEXPIRE', KEYS[4], idle_ms)
return {1, '0', tostring(now), lost}
"""
)

# KEYS[1] log, KEYS[2] counts; ARGV: member. Takes back a slot granted to a caller that was
# cancelled before it sent anything (it never reached the server), with its counts.
DROP = (
    _UNCOUNT
    + """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
uncount(KEYS[2], ARGV[1])
return 1
"""
)

# KEYS[1] log; ARGV: window (s), lease (s), member. Moves the slot's score to now (if it is
# still there) so that it counts one window from the response. Returns 1 if it was there.
RELEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local moved = redis.call('ZADD', KEYS[1], 'XX', 'CH', now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil((tonumber(ARGV[2]) + tonumber(ARGV[1])) * 1000))
return moved
"""

# KEYS[1] pause; ARGV: milliseconds. Sets or lengthens the pause, never shortens it.
# Returns 1 for a new pause, 2 for a lengthened one, 0 when a longer one was already set.
PAUSE = """
local ms = tonumber(ARGV[1])
local current = redis.call('PTTL', KEYS[1])
if current >= ms then return 0 end
redis.call('SET', KEYS[1], '1', 'PX', ms)
if current > 0 then return 2 end
return 1
"""
