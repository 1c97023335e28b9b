"""The Lua scripts of the Redis limiter. Each runs atomically inside Redis, and Redis `TIME`
is the one clock, so processes on machines with skewed clocks still agree.

The log of a quota is a sorted set: member = one slot, score = when it stops being "in
flight". A slot is added with score now + lease (it counts while its request is on the way),
and release moves the score to the response time; it then counts until score + window. A
slot whose holder died keeps counting until its lease ran out plus one window, never forever.
"""

from __future__ import annotations

__all__ = ["ACQUIRE", "PAUSE", "RELEASE"]

# KEYS[1] log, KEYS[2] pause, KEYS[3] marker; ARGV: limit, window (s), lease (s), member,
# whether the caller saw the marker before (1/0).
# Returns {granted (0/1), wait (s, as a string: Lua numbers become integers in replies), now,
# lost (1 when this run found that Redis lost the quota's data)}.
#
# The marker never expires, unlike the log (which goes when it has been idle for lease +
# window). So a marker missing for a caller who saw it means Redis lost its data (restarted
# empty, flushed, failed over to a replica that never received the keys). The server still counts
# the requests of the lost log, so the window starts full: a pause of one window, which every
# process honours.
ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local lost = 0
if redis.call('EXISTS', KEYS[3]) == 0 then
  redis.call('SET', KEYS[3], '1')
  if ARGV[5] == '1' then
    lost = 1
    local ms = math.ceil(window * 1000)
    if redis.call('PTTL', KEYS[2]) < ms then redis.call('SET', KEYS[2], 'lost', 'PX', ms) end
  end
end
-- A slot released at s counts while s + window > now.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local wait = 0
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then wait = paused / 1000 end
local used = redis.call('ZCARD', KEYS[1])
if used >= limit then
  -- The (used - limit + 1)-th oldest slot must leave first; scores sort released slots
  -- (score <= now) before those still in flight (score = grant + lease > now).
  local entry = redis.call('ZRANGE', KEYS[1], used - limit, used - limit, 'WITHSCORES')
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
if wait > 0 then
  return {0, tostring(wait), tostring(now), lost}
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil((lease + window) * 1000))
return {1, '0', tostring(now), lost}
"""

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
