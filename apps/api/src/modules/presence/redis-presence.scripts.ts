/**
 * Lua scripts keep each presence change atomic across processes: exactly one process sees a
 * user's first socket arrive or last socket leave. Every key shares the `{presence}` hash tag,
 * so the scripts also run on Redis Cluster (one slot).
 *
 * Keys (P = prefix):
 *   P:all            ZSET  socketId → expiry (ms); the heartbeat pushes it forward
 *   P:info           HASH  socketId → PresenceUser JSON ('' for a visitor)
 *   P:u:<userId>     SET   the user's socket ids
 *   P:online         SET   online user ids
 *   P:sc:<socketId>  SET   conversations the socket joined
 *   P:cu:<conv>:<u>  SET   the user's socket ids in a conversation
 *   P:c:<conv>       HASH  userId → PresenceUser JSON of users present
 */

/** ARGV: prefix, socketId, expiry, userJson|'' , userId|'' → 1 if the user's first socket. */
export const CONNECT = `
local p, sid = ARGV[1], ARGV[2]
redis.call('ZADD', p .. ':all', ARGV[3], sid)
redis.call('HSET', p .. ':info', sid, ARGV[4])
if ARGV[5] == '' then return 0 end
redis.call('SADD', p .. ':u:' .. ARGV[5], sid)
redis.call('SADD', p .. ':online', ARGV[5])
if redis.call('SCARD', p .. ':u:' .. ARGV[5]) == 1 then return 1 end
return 0`;

/**
 * ARGV: prefix, socketId → {claimed, userJson, userChanged, conv...}. \`claimed\` is 0 when another
 * call already removed the socket (the sweep and a late disconnect may race; one wins).
 */
export const DISCONNECT = `
local p, sid = ARGV[1], ARGV[2]
local claimed = redis.call('ZREM', p .. ':all', sid)
local info = redis.call('HGET', p .. ':info', sid)
redis.call('HDEL', p .. ':info', sid)
local convs = redis.call('SMEMBERS', p .. ':sc:' .. sid)
redis.call('DEL', p .. ':sc:' .. sid)
if (not info) or info == '' then return {claimed, '', 0} end
local uid = cjson.decode(info)['id']
local result = {claimed, info, 0}
for _, conv in ipairs(convs) do
  local set = p .. ':cu:' .. conv .. ':' .. uid
  if redis.call('SREM', set, sid) == 1 and redis.call('SCARD', set) == 0 then
    redis.call('HDEL', p .. ':c:' .. conv, uid)
    table.insert(result, conv)
  end
end
if redis.call('SREM', p .. ':u:' .. uid, sid) == 1 and redis.call('SCARD', p .. ':u:' .. uid) == 0 then
  redis.call('SREM', p .. ':online', uid)
  result[3] = 1
end
return result`;

/** ARGV: prefix, socketId, conv, userId|'', userJson → 1 if the user was not yet present. */
export const JOIN = `
local p, sid, conv, uid = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('SADD', p .. ':sc:' .. sid, conv)
if uid == '' then return 0 end
local set = p .. ':cu:' .. conv .. ':' .. uid
if redis.call('SADD', set, sid) == 0 then return 0 end
redis.call('HSET', p .. ':c:' .. conv, uid, ARGV[5])
if redis.call('SCARD', set) == 1 then return 1 end
return 0`;

/** ARGV: prefix, socketId, conv, userId|'' → 1 if that was the user's last socket there. */
export const LEAVE = `
local p, sid, conv, uid = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('SREM', p .. ':sc:' .. sid, conv)
if uid == '' then return 0 end
local set = p .. ':cu:' .. conv .. ':' .. uid
if redis.call('SREM', set, sid) == 1 and redis.call('SCARD', set) == 0 then
  redis.call('HDEL', p .. ':c:' .. conv, uid)
  return 1
end
return 0`;

/** ARGV: prefix, conv, userId → the user's PresenceUser JSON if they were present, else false. */
export const REMOVE_USER = `
local p, conv, uid = ARGV[1], ARGV[2], ARGV[3]
local set = p .. ':cu:' .. conv .. ':' .. uid
for _, sid in ipairs(redis.call('SMEMBERS', set)) do
  redis.call('SREM', p .. ':sc:' .. sid, conv)
end
redis.call('DEL', set)
local user = redis.call('HGET', p .. ':c:' .. conv, uid)
redis.call('HDEL', p .. ':c:' .. conv, uid)
return user`;
