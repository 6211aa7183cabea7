-- Neovim (0.7.2) headless end-to-end test of the Counterpoint language server.
-- Run through test/nvim/run.sh, which sets:
--   COUNTERPOINT_SETUP      the README's Neovim set-up snippet (it starts counterpoint-ls from the PATH)
--   COUNTERPOINT_WORKSPACE  a fresh copy of samples/ (the LSP root_dir)
--   COUNTERPOINT_ARTICLE    optional: articles/<name>.md to open (default: the first article with [[tokayev)
-- Prints one PASS/FAIL line per check and exits non-zero when any check fails.

local setup = os.getenv('COUNTERPOINT_SETUP')
local ws = os.getenv('COUNTERPOINT_WORKSPACE')
local timeout = tonumber(os.getenv('COUNTERPOINT_NVIM_TIMEOUT_MS') or '') or 20000

local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. '\n'); io.stdout:flush() end
local function check(name, ok, detail)
  if ok then passed = passed + 1; out('PASS ' .. name .. (detail and ('  (' .. detail .. ')') or ''))
  else failed = failed + 1; out('FAIL ' .. name .. (detail and ('  (' .. detail .. ')') or '')) end
  return ok
end
local client_id
local function finish()
  if client_id then
    vim.lsp.stop_client(client_id)
    vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  end
  out(string.format('nvim: %d passed, %d failed', passed, failed))
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end
local function abort(name, detail) check(name, false, detail); finish() end

local function read_lines(path)
  local f = io.open(path, 'r'); if not f then return nil end
  local lines = {}
  for l in f:lines() do lines[#lines + 1] = l end
  f:close()
  return lines
end
local function short(s, n) s = tostring(s):gsub('%s+', ' '); n = n or 160; return #s > n and (s:sub(1, n) .. '…') or s end

local function main()
if not setup or not ws then abort('environment', 'COUNTERPOINT_SETUP and COUNTERPOINT_WORKSPACE must be set (use test/nvim/run.sh)') return end

-- ---- pick the article and the positions of "Tokayev" -------------------------
local article = os.getenv('COUNTERPOINT_ARTICLE')
local lines
if article and article ~= '' then
  if not article:match('^/') then article = ws .. '/' .. article end
  lines = read_lines(article)
else
  local names = vim.fn.sort(vim.fn.glob(ws .. '/articles/*.md', false, true))
  for _, p in ipairs(names) do
    local ls = read_lines(p)
    local text = ls and table.concat(ls, '\n') or ''
    -- An English article: one in Russian names him in Cyrillic, and the bare-alias checks look for "Tokayev".
    if text:find('[[tokayev', 1, true) and not text:find('\nlanguage: ru\n', 1, true) then article, lines = p, ls; break end
  end
end
if not lines then abort('article', 'no article found (wanted an English one under articles/ linking [[tokayev]])') return end

-- Body starts after the frontmatter (--- ... ---).
local body_start = 1
if lines[1] == '---' then
  for i = 2, #lines do if lines[i] == '---' then body_start = i + 1; break end end
end

-- Byte ranges of [[...]] wiki links and {...} attribute blocks on a line.
local function masked_ranges(line)
  local r = {}
  for s, e in line:gmatch('()%[%[.-%]%]()') do r[#r + 1] = { s, e - 1 } end
  for s, e in line:gmatch('(){[^}]*}()') do r[#r + 1] = { s, e - 1 } end
  return r
end
local function in_ranges(rs, i) for _, r in ipairs(rs) do if i >= r[1] and i <= r[2] then return true end end return false end

local function lsp_pos(lnum, byte_col) -- lnum 1-based, byte_col 1-based -> LSP (0-based, UTF-16)
  local line = lines[lnum]
  local _, u16 = vim.str_utfindex(line, byte_col - 1)
  return { line = lnum - 1, character = u16 }
end

local bare, link
for i = body_start, #lines do
  local l = lines[i]
  if not link then
    local s = l:find('[[tokayev', 1, true)
    if s then link = { lnum = i, col = s + 4 } end -- inside "tokayev"
  end
  if not bare and not l:match('^#') then
    local rs = masked_ranges(l)
    local init = 1
    while true do
      local s = l:find('Tokayev', init, true)
      if not s then break end
      if not in_ranges(rs, s) then bare = { lnum = i, col = s + 2 }; break end
      init = s + 1
    end
  end
end
local rel = article:sub(#ws + 2)
out('nvim: article ' .. rel .. ', set-up ' .. setup)
if not bare then abort('find bare "Tokayev"', 'no plain-text Tokayev outside links in ' .. rel) return end

-- Actor name from actors/tokayev.md frontmatter, for the hover check.
local actor_name
for _, l in ipairs(read_lines(ws .. '/actors/tokayev.md') or {}) do
  local n = l:match('^name:%s*(.-)%s*$')
  if n then actor_name = n:gsub('^["\']', ''):gsub('["\']$', ''); break end
end

-- ---- start the server ------------------------------------------------------------
local exit_info
local index_status -- last counterpoint/indexStatus notification
local published_after_ready = {}
-- What the test observes is registered as global handlers; the client itself comes from the README's snippet.
vim.lsp.handlers['counterpoint/indexStatus'] = function(_, result) index_status = result end
local on_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if index_status and index_status.state == 'ready' and result then published_after_ready[result.uri] = true end
  return on_publish(err, result, ctx, config)
end
dofile(setup)

vim.cmd('edit ' .. vim.fn.fnameescape(article))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'
-- A client shows among the buffer's clients once it has initialized.
vim.wait(timeout, function()
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == 'counterpoint' then client_id = c.id end
  end
  return client_id ~= nil
end, 20)
if not check('start client', client_id ~= nil, client_id and ('id ' .. client_id) or 'the README snippet started no client for the article') then finish() return end

local t0 = vim.loop.hrtime()
local inited = vim.wait(timeout, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return (c and c.initialized) or exit_info ~= nil
end, 20)
local c = vim.lsp.get_client_by_id(client_id)
if not check('initialize', inited and c ~= nil and c.initialized == true,
    exit_info and ('server exited: ' .. exit_info) or string.format('%.0f ms', (vim.loop.hrtime() - t0) / 1e6)) then finish() return end

-- ---- workspace index -------------------------------------------------------------
-- The server indexes the whole workspace after start-up and reports it with the
-- counterpoint/indexStatus notification; cross-note answers need the full index.
t0 = vim.loop.hrtime()
vim.wait(timeout, function() return (index_status and index_status.state == 'ready') or exit_info ~= nil end, 20)
check('index ready', index_status ~= nil and index_status.state == 'ready',
  index_status and string.format('%s: %s notes, %s actors, %s claim keys after %.0f ms', index_status.state,
    tostring(index_status.notes), tostring(index_status.actors), tostring(index_status.claims), (vim.loop.hrtime() - t0) / 1e6)
  or (exit_info and ('server exited: ' .. exit_info) or 'no counterpoint/indexStatus notification'))

-- ---- diagnostics -------------------------------------------------------------------
local function find_code(code)
  for _, d in ipairs(vim.diagnostic.get()) do -- every buffer (the server may publish for unopened notes too)
    if d.code == code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == code) then return d end
  end
end
t0 = vim.loop.hrtime()
local buf_uri = vim.uri_from_bufnr(bufnr)
vim.wait(timeout, function() return find_code('claim.no-counter-source') ~= nil and published_after_ready[buf_uri] end, 20)
local d = find_code('claim.no-counter-source')
if d then
  check('diagnostics: claim.no-counter-source', true, string.format('%s:%d "%s", %d diagnostics in all, after %.0f ms%s',
    vim.fn.fnamemodify(vim.api.nvim_buf_get_name(d.bufnr), ':t'), d.lnum + 1, short(d.message, 80), #vim.diagnostic.get(), (vim.loop.hrtime() - t0) / 1e6,
    published_after_ready[buf_uri] and '' or '; none published for the article after the index was ready'))
else
  local seen = {}
  for _, x in ipairs(vim.diagnostic.get()) do seen[#seen + 1] = tostring(x.code) end
  check('diagnostics: claim.no-counter-source', false, 'codes seen: ' .. (#seen > 0 and table.concat(seen, ', ') or 'none'))
end
local unknown = find_code('actor.unknown')
check('diagnostics: no false actor.unknown', unknown == nil, unknown and short(unknown.message, 80) or nil)

-- ---- requests ------------------------------------------------------------------------
local uri = vim.uri_from_bufnr(bufnr)
local function request(method, params)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not res then return nil, 'no answer: ' .. tostring(err) end
  local r = res[client_id]
  if not r then return nil, 'no answer from the client' end
  if r.err then return nil, 'error: ' .. short(vim.inspect(r.err)) end
  return r.result
end
local function hover_text(result)
  if not result or result == vim.NIL then return '' end
  local cts = result.contents
  if type(cts) == 'string' then return cts end
  if cts.value then return cts.value end
  local parts = {}
  for _, p in ipairs(cts) do parts[#parts + 1] = type(p) == 'string' and p or (p.value or '') end
  return table.concat(parts, '\n')
end
local function hover_ok(text)
  return text:find('Kazakhstan', 1, true) or (actor_name and text:find(actor_name, 1, true))
end

local function check_hover(name, at)
  local pos = lsp_pos(at.lnum, at.col)
  local where = string.format('%s:%d:%d', rel, pos.line + 1, pos.character + 1)
  local result, err = request('textDocument/hover', { textDocument = { uri = uri }, position = pos })
  local text = result and hover_text(result) or ''
  check(name, text ~= '' and hover_ok(text) ~= nil,
    err or (text == '' and ('empty hover at ' .. where) or (where .. ': ' .. short(text, 120))))
end

check_hover('hover on bare "Tokayev"', bare)
if link then check_hover('hover on [[tokayev|…]] link', link) end

local pos = lsp_pos(bare.lnum, bare.col)
local result, err = request('textDocument/definition', { textDocument = { uri = uri }, position = pos })
local targets = {}
if result and result ~= vim.NIL then
  local list = (result.uri or result.targetUri) and { result } or result
  for _, loc in ipairs(list) do targets[#targets + 1] = loc.uri or loc.targetUri end
end
local hit = false
for _, t in ipairs(targets) do if t:match('/actors/tokayev%.md$') then hit = true end end
check('definition → actors/tokayev.md', hit, err or (#targets > 0 and table.concat(vim.tbl_map(function(t) return vim.uri_to_fname(t):sub(#ws + 2) end, targets), ', ') or 'no location'))

result, err = request('textDocument/references', { textDocument = { uri = uri }, position = pos, context = { includeDeclaration = true } })
local n = (result and result ~= vim.NIL) and #result or 0
local files = {}
if n > 0 then for _, loc in ipairs(result) do files[vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ':t')] = true end end
check('references > 5', n > 5, err or string.format('%d locations in %d files', n, vim.tbl_count(files)))
finish()
end

-- A Lua error must fail the run, not leave a headless nvim waiting.
local ok, e = xpcall(main, debug.traceback)
if not ok then check('script error', false, tostring(e)); finish() end
