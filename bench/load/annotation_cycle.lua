-- The annotation cycle for wrk: GET the next record, POST a submitted response, repeat.
-- Run with as many threads as connections (wrk -t N -c N): each thread is one annotator with
-- its own token, so a response can be matched to the record its GET returned.
-- Tokens come from the file named by the TOKENS environment variable, one per line.

local tokens = {}
local thread_count = 0
local threads = {}

function setup(thread)
  if #tokens == 0 then
    for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
  end
  thread_count = thread_count + 1
  thread:set("token", tokens[(thread_count - 1) % #tokens + 1])
  thread:set("project", os.getenv("PROJECT") or "1")
  table.insert(threads, thread)
end

local pending = nil   -- record id whose response is to be sent next
local sent = ""       -- what the last request was, for the example of an other answer
cycles = 0            -- submitted responses answered 201
conflicts = 0         -- 409: the record filled up meanwhile
others = 0            -- anything else
last_other = ""       -- the status and start of the body of the last such answer

function request()
  local headers = { ["Authorization"] = "Token " .. token, ["Content-Type"] = "application/json" }
  if pending then
    local path = "/api/v1/records/" .. pending .. "/responses"
    pending = nil
    sent = "POST " .. path
    return wrk.format("POST", path, headers, '{"values":{"preference":"response_a"},"status":"submitted","time_spent_ms":4200}')
  end
  sent = "GET next"
  return wrk.format("GET", "/api/v1/projects/" .. project .. "/next", headers)
end

function response(status, headers, body)
  if status == 200 then
    -- Keys come sorted: the record's own id is the one just before "metadata".
    pending = string.match(body, '"id":(%d+),"metadata"')
    if not pending then
      others = others + 1
      last_other = sent .. " -> " .. status .. " " .. string.sub(body, 1, 120)
    end
  elseif status == 201 then
    cycles = cycles + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    others = others + 1
    last_other = sent .. " -> " .. status .. " " .. string.sub(body, 1, 120)
  end
end

function done(summary, latency, requests)
  local total_cycles, total_conflicts, total_others = 0, 0, 0
  local example = ""
  for _, thread in ipairs(threads) do
    if thread:get("last_other") ~= "" then example = thread:get("last_other") end
    total_cycles = total_cycles + thread:get("cycles")
    total_conflicts = total_conflicts + thread:get("conflicts")
    total_others = total_others + thread:get("others")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("cycles: %d completed in %.1f s = %.0f cycles/s (%d conflicts, %d other answers)\n",
                         total_cycles, seconds, total_cycles / seconds, total_conflicts, total_others))
  if example ~= "" then io.write("an other answer: " .. example .. "\n") end
  io.write(string.format("requests: %.0f/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                         summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         latency.max / 1000))
end
