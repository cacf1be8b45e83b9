-- GET /api/v1/records/{id} for random ids in [1, RECORDS], as a reviewer (TOKEN).
local token = os.getenv("TOKEN")
local records = tonumber(os.getenv("RECORDS") or "100000")

function request()
  return wrk.format("GET", "/api/v1/records/" .. math.random(1, records), { ["Authorization"] = "Token " .. token })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("GET record: %.0f requests/s, p50 %.2f ms, p99 %.2f ms (%d non-2xx)\n",
                         summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         summary.errors.status))
end
