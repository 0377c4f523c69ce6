package io.herald.redis;

/**
 * The Lua scripts that keep the cluster's shared state in Redis. Each runs atomically, so the node
 * whose script sees a channel's total go from 0 to 1 (or a user's node count go from 0 to 1) is the
 * only one to report it: occupancy, vacancy and membership are decided once per cluster.
 *
 * <p>Keys, under the hash-tagged prefix {@code P} of {@link RedisKeys} (one Redis Cluster slot, so a
 * script may touch them all, and {@link #SYNC} may build their names from {@code P}):
 * {@code P subs:app:channel} (hash node → subscribers there),
 * {@code P chans:app} (set of occupied channels), {@code P users:app:channel} (hash user → nodes where
 * the user is a member), {@code P info:app:channel} (hash user → user_info JSON),
 * {@code P nusers:node:app:channel} (set of the node's members),
 * {@code P node:node} (set of {@code app\nchannel} the node has state in, for purging),
 * {@code P nodes} (sorted set node → last heartbeat, Redis time in ms),
 * {@code P gone:app:channel} and {@code P gone:app:channel\nuser} (a vacancy or member departure in
 * its webhook grace period: the deciding node's token, expiring a little after the grace),
 * {@code P pseq} (the presence sequence: the number of the latest member change, see {@link #NEXT_SEQ}).
 *
 * <p>The departure keys make the grace cluster-wide: the script that decides a return deletes the key,
 * and the deciding node reports the departure only if its own token is still there when its grace
 * ends ({@link #DEPART}), so exactly one of "departure" and "return" wins, whichever node decides it.
 */
final class ClusterScripts {

    private ClusterScripts() {
    }

    /**
     * {@code nextSeq(key)}: numbers a member change. The number is Redis's clock in microseconds, or
     * one more than the last number if that is not larger: it only grows, so the key may expire when
     * presence is quiet (5 s after the last change; the next number, from the clock, is still larger
     * than every earlier one), leaving no key behind.
     */
    private static final String NEXT_SEQ = """
            local function nextSeq(key)
              local t = redis.call('TIME')
              local seq = tonumber(t[1]) * 1000000 + tonumber(t[2])
              local last = tonumber(redis.call('GET', key) or '0')
              if seq <= last then seq = last + 1 end
              redis.call('SET', key, string.format('%.0f', seq), 'PX', 5000)
              return seq
            end
            """;

    /**
     * A subscriber joined on a node. KEYS: subs, chans, node index, users, node users, user infos,
     * channel departure, member departure, presence sequence. ARGV: node, channel, index entry, user id
     * if the node just gained this presence member (else empty), its user_info.
     * Returns {channel total, 1 if the user became a member cluster-wide, 1 if the channel returned
     * within a vacancy's grace, 1 if the member returned within a departure's grace, the member
     * change's presence sequence number or 0}.
     */
    static final String JOIN = NEXT_SEQ + """
            redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
            redis.call('SADD', KEYS[2], ARGV[2])
            redis.call('SADD', KEYS[3], ARGV[3])
            local total = 0
            for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
            local added = 0
            if ARGV[4] ~= '' and redis.call('SADD', KEYS[5], ARGV[4]) == 1 then
              redis.call('HSET', KEYS[6], ARGV[4], ARGV[5])
              if redis.call('HINCRBY', KEYS[4], ARGV[4], 1) == 1 then added = 1 end
            end
            local back, memberBack, seq = 0, 0, 0
            if total == 1 then back = redis.call('DEL', KEYS[7]) end
            if added == 1 then
              memberBack = redis.call('DEL', KEYS[8])
              seq = nextSeq(KEYS[9])
            end
            return {total, added, back, memberBack, seq}
            """;

    /**
     * A subscriber left on a node; same KEYS and ARGV as {@link #JOIN}, the user id given when the node
     * just lost the member, then ARGV[6] the departure token and ARGV[7] its lifetime in ms (0: no grace,
     * nothing recorded). A departure records the token under its departure key. Returns {channel total or -1 when the node had no subscriber counted
     * (purged meanwhile), 1 if the user is no longer a member anywhere, that change's presence sequence
     * number or 0}.
     */
    static final String LEAVE = NEXT_SEQ + """
            local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
            if n <= 0 then
              redis.call('HDEL', KEYS[1], ARGV[1])
              redis.call('SREM', KEYS[3], ARGV[3])
            end
            if n < 0 then return {-1, 0, 0} end
            local total = 0
            for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
            local ttl = tonumber(ARGV[7])
            if total == 0 then
              redis.call('SREM', KEYS[2], ARGV[2])
              if ttl > 0 then redis.call('SET', KEYS[7], ARGV[6], 'PX', ttl) end
            end
            local removed, seq = 0, 0
            if ARGV[4] ~= '' and redis.call('SREM', KEYS[5], ARGV[4]) == 1 then
              local u = redis.call('HINCRBY', KEYS[4], ARGV[4], -1)
              if u <= 0 then
                redis.call('HDEL', KEYS[4], ARGV[4])
                redis.call('HDEL', KEYS[6], ARGV[4])
                removed = 1
                seq = nextSeq(KEYS[9])
                if ttl > 0 then redis.call('SET', KEYS[8], ARGV[6], 'PX', ttl) end
              end
            end
            return {total, removed, seq}
            """;

    /**
     * Replaces a node's whole state with the one given, or removes a dead node's state. KEYS: nodes.
     * ARGV: prefix, node, mode ({@code sync}: this node, alive; {@code purge}: only when the node's
     * last heartbeat is older than ARGV[4] ms), timeout ms, then per channel the node has: app,
     * channel, subscriber count, member count, then each member's id and user_info. Returns a flat list of
     * {kind, app, channel, user, presence sequence number (member changes) or 0} with kind o (occupied),
     * v (vacated), c (count changed), m+ / m- (member added / removed cluster-wide).
     */
    static final String SYNC = NEXT_SEQ + """
            local P, X, mode = ARGV[1], ARGV[2], ARGV[3]
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if mode == 'purge' then
              local seen = redis.call('ZSCORE', KEYS[1], X)
              if not seen or tonumber(seen) > now - tonumber(ARGV[4]) then return {} end
            end
            local idx = P .. 'node:' .. X
            local out = {}
            local function emit(kind, app, ch, user)
              table.insert(out, kind) table.insert(out, app) table.insert(out, ch) table.insert(out, user)
              local seq = 0
              if string.sub(kind, 1, 1) == 'm' then seq = nextSeq(P .. 'pseq') end
              table.insert(out, seq)
            end
            local function total(subs)
              local sum = 0
              for _, v in ipairs(redis.call('HVALS', subs)) do sum = sum + tonumber(v) end
              return sum
            end
            local touched, order = {}, {}
            local function touch(app, ch)
              local k = app .. '\\n' .. ch
              if not touched[k] then
                touched[k] = {app = app, ch = ch, count = 0, members = {}, infos = {}}
                table.insert(order, k)
              end
              return touched[k]
            end
            for _, e in ipairs(redis.call('SMEMBERS', idx)) do
              local s = string.find(e, '\\n', 1, true)
              if s then touch(string.sub(e, 1, s - 1), string.sub(e, s + 1)) end
            end
            local i = 5
            while i <= #ARGV do
              local entry = touch(ARGV[i], ARGV[i + 1])
              entry.count = tonumber(ARGV[i + 2])
              local nm = tonumber(ARGV[i + 3])
              for j = 1, nm do
                entry.members[j] = ARGV[i + 2 + 2 * j]
                entry.infos[j] = ARGV[i + 3 + 2 * j]
              end
              i = i + 4 + 2 * nm
            end
            for _, k in ipairs(order) do
              local e = touched[k]
              local subs = P .. 'subs:' .. e.app .. ':' .. e.ch
              local users = P .. 'users:' .. e.app .. ':' .. e.ch
              local nusers = P .. 'nusers:' .. X .. ':' .. e.app .. ':' .. e.ch
              local infos = P .. 'info:' .. e.app .. ':' .. e.ch
              local before = total(subs) > 0
              local wanted = {}
              for _, u in ipairs(e.members) do wanted[u] = true end
              for _, u in ipairs(redis.call('SMEMBERS', nusers)) do
                if not wanted[u] then
                  redis.call('SREM', nusers, u)
                  if redis.call('HINCRBY', users, u, -1) <= 0 then
                    redis.call('HDEL', users, u)
                    redis.call('HDEL', infos, u)
                    emit('m-', e.app, e.ch, u)
                  end
                end
              end
              for j, u in ipairs(e.members) do
                if redis.call('SADD', nusers, u) == 1 then
                  redis.call('HSET', infos, u, e.infos[j])
                  if redis.call('HINCRBY', users, u, 1) == 1 then emit('m+', e.app, e.ch, u) end
                end
              end
              local had = tonumber(redis.call('HGET', subs, X) or '0')
              if e.count > 0 then
                redis.call('HSET', subs, X, e.count)
                redis.call('SADD', idx, k)
                redis.call('SADD', P .. 'chans:' .. e.app, e.ch)
              else
                redis.call('HDEL', subs, X)
                redis.call('SREM', idx, k)
              end
              local after = total(subs) > 0
              if after and not before then
                emit('o', e.app, e.ch, '')
              elseif before and not after then
                redis.call('SREM', P .. 'chans:' .. e.app, e.ch)
                emit('v', e.app, e.ch, '')
              elseif had ~= e.count then
                emit('c', e.app, e.ch, '')
              end
            end
            if mode == 'purge' then
              redis.call('DEL', idx)
              redis.call('ZREM', KEYS[1], X)
            else
              redis.call('ZADD', KEYS[1], now, X)
            end
            return out
            """;

    /**
     * A departure's grace ended on the node that decided it: claims it if no return cancelled it
     * (and no later departure replaced it). KEYS: departure. ARGV: token. Returns 1 to report it.
     */
    static final String DEPART = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """;

    /**
     * A presence channel's members and the presence sequence number they are current as of, read at
     * once. KEYS: user infos, presence sequence. Returns {sequence, user, user_info, user, ...}.
     */
    static final String MEMBERS = """
            local out = {tonumber(redis.call('GET', KEYS[2]) or '0')}
            for _, v in ipairs(redis.call('HGETALL', KEYS[1])) do table.insert(out, v) end
            return out
            """;

    /** Records a heartbeat. KEYS: nodes. ARGV: node. Returns 1 when the node was not known (purged, or Redis restarted). */
    static final String HEARTBEAT = """
            local t = redis.call('TIME')
            return redis.call('ZADD', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[1])
            """;

    /** Nodes whose last heartbeat is older than ARGV[1] ms. KEYS: nodes. */
    static final String STALE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
            """;
}
