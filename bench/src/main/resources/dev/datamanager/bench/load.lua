-- The bench's wrk load (Wrk.java): wrk -s load.lua URL -- METHOD AUTHORIZATION PATH_PATTERN KEYS
--   METHOD         GET, PATCH or PATCH-MINIMAL; a PATCH sends the merge patch {"coins":n}, n counting up per connection
--                  thread; PATCH-MINIMAL is that PATCH with "Prefer: return=minimal" (answered 204, no document)
--   AUTHORIZATION  the Authorization header's value, or "-" for none
--   PATH_PATTERN   a string.format pattern of one integer, e.g. /api/v1/stores/S/sessions/P_%07d, or "-": the URL's path
--   KEYS           how many keys the pattern cycles through (each thread starts at its own offset)
-- At the end it prints one line, "wrk-figures key=value ...", that Wrk.java parses; latencies in microseconds.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local method, headers, pattern, keys
local counter = 0

function init(args)
  method = args[1]
  local minimal = method == "PATCH-MINIMAL"
  if minimal then
    method = "PATCH"
  end
  pattern = args[3]
  keys = tonumber(args[4])
  headers = {}
  if args[2] ~= "-" then
    headers["Authorization"] = args[2]
  end
  if method == "PATCH" then
    headers["Content-Type"] = "application/merge-patch+json"
  end
  if minimal then
    headers["Prefer"] = "return=minimal"
  end
  counter = id * 1000003
end

function request()
  counter = counter + 1
  local path = wrk.path
  if pattern ~= "-" then
    path = string.format(pattern, counter % keys)
  end
  local body = nil
  if method == "PATCH" then
    body = '{"coins":' .. counter .. '}'
  end
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-figures requests=%d duration_us=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    e.status, e.connect, e.read, e.write, e.timeout))
end
