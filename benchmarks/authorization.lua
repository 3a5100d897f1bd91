-- wrk script: POST authorizations in the production mix (loadtest/k6/lib/mix.js): USD 55%, EUR 15%, GBP 8%,
-- BRL 10%, MXN 7%, JPY 5%, about 3% declines, a unique Idempotency-Key per request, no processor field.
-- The path comes from the URL given to wrk, so the same script drives /v1/authorizations and the baseline route.

local currencies = { "USD", "EUR", "GBP", "BRL", "MXN", "JPY" }
local cumulative = { 0.55, 0.70, 0.78, 0.88, 0.95, 1.00 }
local thread_counter = 0
local threads = {}
local prefix
local sent = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
  table.insert(threads, thread)
end

function init(args)
  -- thread_id is set by setup(); a fixed seed per thread keeps runs comparable.
  math.randomseed(1000 + (thread_id or 0))
  prefix = string.format("wrk-%d-%d-", os.time(), thread_id or 0)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("MERCHANT_API_KEY") or "vk_test_voyager_sandbox")
end

local function pick_currency()
  local r = math.random()
  for i, bound in ipairs(cumulative) do
    if r < bound then return currencies[i] end
  end
  return "USD"
end

function request()
  sent = sent + 1
  local currency = pick_currency()
  local value = currency == "JPY" and math.random(1, 50000) or math.random(100, 50099)
  local token = math.random() < 0.03 and "tok_declined" or "tok_approved"
  local body = string.format(
    '{"merchantId":"m_loadtest","reference":"order-%s%d","amount":{"value":%d,"currency":"%s"},"paymentMethod":{"token":"%s"}}',
    prefix, sent, value, currency, token)
  wrk.headers["Idempotency-Key"] = prefix .. sent
  return wrk.format(nil, nil, nil, body)
end

-- Status counts go to stdout with the summary so the caller can check every request was a 201.
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local errors = summary.errors
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(merged) do
    table.insert(parts, string.format('"%d":%d', status, count))
  end
  table.sort(parts)
  io.write(string.format('WRK_JSON {"requests":%d,"durationUs":%d,"rps":%.1f,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Ms":%.3f,"p99Ms":%.3f,"statuses":{%s}}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, table.concat(parts, ",")))
end
