/**
 * Lua scripts keep each presence change atomic across processes: exactly one process sees a
 * user's first socket arrive or last socket leave. Every key shares the `{presence}` hash tag,
 * so the scripts also run on Redis Cluster (one slot). Connects and disconnects come in
 * batches: one script call (one round trip) for all the sockets of a moment.
 *
 * Keys (P = prefix):
 *   P:all            ZSET  socketId → expiry (ms); the heartbeat pushes it forward
 *   P:info           HASH  socketId → PresenceUser JSON ('' for a visitor)
 *   P:u:<userId>     SET   the user's socket ids
 *   P:online         SET   online user ids
 *   P:sc:<socketId>  SET   conversations the socket joined
 *   P:cu:<conv>:<u>  SET   the user's socket ids in a conversation
 *   P:c:<conv>       HASH  userId → PresenceUser JSON of users present
 *   P:feed           ZSET  what changed → change number: `u:<userId>` or `c:<conv>|<userId>`;
 *                          a member changed twice keeps only its latest number
 *   P:fseq           the last change number;  P:ffloor  the highest number trimmed away
 */

/** Appends a change to the feed; every process reads it (CHANGES) to build its frames. */
const FEED = `
local function feed(p, member)
  redis.call('ZADD', p .. ':feed', redis.call('INCR', p .. ':fseq'), member)
end
`;

/**
 * ARGV: prefix, expiry, then (socketId, userJson|'', userId|'') per socket → per socket 1 if it
 * is the user's first socket, else 0.
 */
export const CONNECT_MANY = `${FEED}
local p, expiry = ARGV[1], ARGV[2]
local result = {}
for i = 3, #ARGV, 3 do
  local sid, info, uid = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  redis.call('ZADD', p .. ':all', expiry, sid)
  redis.call('HSET', p .. ':info', sid, info)
  local first = 0
  if uid ~= '' then
    redis.call('SADD', p .. ':u:' .. uid, sid)
    if redis.call('SCARD', p .. ':u:' .. uid) == 1 then
      first = 1
      redis.call('SADD', p .. ':online', uid)
      feed(p, 'u:' .. uid)
    end
  end
  table.insert(result, first)
end
return result`;

/**
 * ARGV: prefix, socketId... → per socket {claimed, userJson, userChanged, conv...}. \`claimed\` is
 * 0 when another call already removed the socket (the sweep and a late disconnect may race).
 */
export const DISCONNECT_MANY = `${FEED}
local p = ARGV[1]
local results = {}
for i = 2, #ARGV do
  local sid = ARGV[i]
  local claimed = redis.call('ZREM', p .. ':all', sid)
  local info = redis.call('HGET', p .. ':info', sid)
  redis.call('HDEL', p .. ':info', sid)
  local convs = redis.call('SMEMBERS', p .. ':sc:' .. sid)
  redis.call('DEL', p .. ':sc:' .. sid)
  if (not info) or info == '' then
    table.insert(results, {claimed, '', 0})
  else
    local uid = cjson.decode(info)['id']
    local result = {claimed, info, 0}
    for _, conv in ipairs(convs) do
      local set = p .. ':cu:' .. conv .. ':' .. uid
      if redis.call('SREM', set, sid) == 1 and redis.call('SCARD', set) == 0 then
        redis.call('HDEL', p .. ':c:' .. conv, uid)
        feed(p, 'c:' .. conv .. '|' .. uid)
        table.insert(result, conv)
      end
    end
    if redis.call('SREM', p .. ':u:' .. uid, sid) == 1 and redis.call('SCARD', p .. ':u:' .. uid) == 0 then
      redis.call('SREM', p .. ':online', uid)
      feed(p, 'u:' .. uid)
      result[3] = 1
    end
    table.insert(results, result)
  end
end
return results`;

/** ARGV: prefix, socketId, conv, userId|'', userJson → 1 if the user was not yet present. */
export const JOIN = `${FEED}
local p, sid, conv, uid = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('SADD', p .. ':sc:' .. sid, conv)
if uid == '' then return 0 end
local set = p .. ':cu:' .. conv .. ':' .. uid
if redis.call('SADD', set, sid) == 0 then return 0 end
redis.call('HSET', p .. ':c:' .. conv, uid, ARGV[5])
if redis.call('SCARD', set) == 1 then
  feed(p, 'c:' .. conv .. '|' .. uid)
  return 1
end
return 0`;

/** ARGV: prefix, socketId, conv, userId|'' → 1 if that was the user's last socket there. */
export const LEAVE = `${FEED}
local p, sid, conv, uid = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('SREM', p .. ':sc:' .. sid, conv)
if uid == '' then return 0 end
local set = p .. ':cu:' .. conv .. ':' .. uid
if redis.call('SREM', set, sid) == 1 and redis.call('SCARD', set) == 0 then
  redis.call('HDEL', p .. ':c:' .. conv, uid)
  feed(p, 'c:' .. conv .. '|' .. uid)
  return 1
end
return 0`;

/** ARGV: prefix, conv, userId → the user's PresenceUser JSON if they were present, else false. */
export const REMOVE_USER = `${FEED}
local p, conv, uid = ARGV[1], ARGV[2], ARGV[3]
local set = p .. ':cu:' .. conv .. ':' .. uid
for _, sid in ipairs(redis.call('SMEMBERS', set)) do
  redis.call('SREM', p .. ':sc:' .. sid, conv)
end
redis.call('DEL', set)
local user = redis.call('HGET', p .. ':c:' .. conv, uid)
if user then
  redis.call('HDEL', p .. ':c:' .. conv, uid)
  feed(p, 'c:' .. conv .. '|' .. uid)
end
return user`;

/**
 * ARGV: prefix, cursor (-1: from now), limit, keep → {cursor, lost, member, state, ...}: the
 * changes after the cursor with the state now ('1'/'0' for a user online; the PresenceUser
 * JSON or '' for a conversation). The feed is trimmed to its newest \`keep\` members here.
 */
export const CHANGES = `
local p, cursor, limit, keep = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local last = tonumber(redis.call('GET', p .. ':fseq') or '0')
local size = redis.call('ZCARD', p .. ':feed')
if size > keep then
  local cut = redis.call('ZRANGE', p .. ':feed', size - keep - 1, size - keep - 1, 'WITHSCORES')
  redis.call('SET', p .. ':ffloor', cut[2])
  redis.call('ZREMRANGEBYRANK', p .. ':feed', 0, size - keep - 1)
end
if cursor < 0 then return {last, 0} end
local floor = tonumber(redis.call('GET', p .. ':ffloor') or '0')
if cursor < floor then return {last, 1} end
local rows = redis.call('ZRANGEBYSCORE', p .. ':feed', '(' .. cursor, '+inf', 'WITHSCORES', 'LIMIT', 0, limit)
local result = {cursor, 0}
for i = 1, #rows, 2 do
  local member = rows[i]
  result[1] = tonumber(rows[i + 1])
  table.insert(result, member)
  if string.sub(member, 1, 2) == 'u:' then
    table.insert(result, tostring(redis.call('SISMEMBER', p .. ':online', string.sub(member, 3))))
  else
    local bar = string.find(member, '|', 3, true)
    local user = redis.call('HGET', p .. ':c:' .. string.sub(member, 3, bar - 1), string.sub(member, bar + 1))
    table.insert(result, user or '')
  end
end
return result`;
