-- wrk script for `manage.py bench`: optional path rotation, one JSON line at the end.
-- Arguments after `--` are paths to rotate through; a path starting with "@"
-- is requested with the Cookie header given in the BENCH_COOKIE variable.
local paths = {}
local counter = 0
local cookie = os.getenv("BENCH_COOKIE") or ""

function init(args)
  for _, arg in ipairs(args) do
    paths[#paths + 1] = arg
  end
end

function request()
  if #paths == 0 then
    return wrk.format(nil, nil)
  end
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if string.sub(path, 1, 1) == "@" then
    return wrk.format("GET", string.sub(path, 2), { Cookie = cookie })
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50": %d, "p95": %d, "p99": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
