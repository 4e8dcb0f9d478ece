import { RedisScript } from '../../state/redis-script';

/*
 * The Lua scripts of the Redis inbox queue (see RedisInboxQueue). Each runs atomically: no other process
 * sees one of its steps half done, and a crash cannot leave one half written.
 */

/*
 * KEYS[1] stream; per event i: KEYS[2i] its seen key, KEYS[2i+1] its customer's order list (both the
 * stream key for statuses). ARGV[1] ttl seconds; per event: kind ('m' | 's'), lane, payload.
 * Returns 1 per event taken on, 0 per duplicate. Claim, entry and order are written together or not at all.
 */
export const ACCEPT = new RedisScript(`
local ttl = tonumber(ARGV[1])
local out = {}
for i = 1, (#ARGV - 1) / 3 do
  local kind, lane, payload = ARGV[3 * i - 1], ARGV[3 * i], ARGV[3 * i + 1]
  local fresh = 1
  if kind == 'm' then
    if redis.call('SET', KEYS[2 * i], '1', 'NX', 'EX', ttl) then fresh = 1 else fresh = 0 end
  end
  if fresh == 1 then
    local id = redis.call('XADD', KEYS[1], '*', 'l', lane, 'e', payload)
    if kind == 'm' then
      redis.call('RPUSH', KEYS[2 * i + 1], id)
      redis.call('EXPIRE', KEYS[2 * i + 1], ttl)
    end
  end
  out[i] = fresh
end
return out
`);

/*
 * KEYS[1] stream, KEYS[2] the seen key (or ''), KEYS[3] the order list (or ''); ARGV group, id.
 * Marks the message done, acknowledges and deletes the entry and drops it from the customer's order.
 */
export const FINISH = new RedisScript(`
if KEYS[2] ~= '' then redis.call('SET', KEYS[2], 'd', 'KEEPTTL') end
if KEYS[3] ~= '' then redis.call('LREM', KEYS[3], 1, ARGV[2]) end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
`);

/*
 * KEYS[1] stream; ARGV group, consumer, ids…: resets the idle time of the entries this consumer still
 * owns (a live consumer's entries are never taken over), leaving any another consumer took alone.
 */
export const REFRESH = new RedisScript(`
local mine = {}
for i = 3, #ARGV do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if p[1] and p[1][2] == ARGV[2] then mine[#mine + 1] = ARGV[i] end
end
local n = #mine
if n == 0 then return 0 end
mine[n + 1] = 'JUSTID'
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, unpack(mine))
return n
`);
