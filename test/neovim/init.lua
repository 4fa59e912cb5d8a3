-- A minimal Neovim configuration for test/protocol/neovim.test.ts:
--
--   PMW_SERVER=dist/server.cjs PMW_NVIM_OUT=/tmp/out.json \
--     nvim --headless --clean -u test/neovim/init.lua path/to/postmortems/file.md
--
-- Starts the real language server (`node $PMW_SERVER --stdio`) for the first
-- markdown buffer, waits for the first textDocument/publishDiagnostics for that
-- buffer, then writes what Neovim made of it (vim.diagnostic.get) as JSON to
-- $PMW_NVIM_OUT and quits. The JSON also says whether the server initialized,
-- whether the buffer was attached and whether a publish arrived at all, so that
-- "no diagnostics" can be told apart from "never got an answer".
--
-- Works with Neovim 0.7 (Debian 12: vim.lsp.start_client + buf_attach_client)
-- and uses vim.lsp.start on 0.8 and later. Never hangs: after
-- $PMW_NVIM_TIMEOUT_MS (default 20000) it writes an error result and exits 1.

local out_path = os.getenv('PMW_NVIM_OUT')
local server = os.getenv('PMW_SERVER')
local node = os.getenv('PMW_NODE') or 'node'
local timeout_ms = tonumber(os.getenv('PMW_NVIM_TIMEOUT_MS') or '') or 20000

local result = {
  ok = false,
  nvim_version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
  initialized = false, -- the server answered `initialize`
  server_name = vim.NIL, -- serverInfo.name from that answer
  attached = false, -- on_attach ran for the buffer
  published = false, -- a publishDiagnostics for the buffer's URI arrived (even an empty one)
  publish_count = 0,
  uri = vim.NIL,
  filetype = vim.NIL,
  diagnostics = {},
  server_exit_code = vim.NIL, -- the server's exit code after shutdown/exit, when it stopped in time
  error = vim.NIL,
}

local finished = false
local on_server_exit = nil -- set while finish() waits for the server to stop

local function write_and_quit()
  local encoded = vim.json.encode(result)
  local file = out_path and io.open(out_path, 'w')
  if file then
    file:write(encoded, '\n')
    file:close()
  else
    io.stderr:write('PMW_NVIM_OUT is not set or not writable; result: ' .. encoded .. '\n')
  end
  vim.cmd(result.ok and 'qall!' or 'cquit! 1')
end

-- Records the outcome once; stops the server (shutdown + exit) and quits when it has
-- exited, or after 3 s regardless.
local function finish(err, client_id)
  if finished then
    return
  end
  finished = true
  if err then
    result.ok = false
    result.error = err
  end
  -- (vim.lsp.stop_client rather than client.stop(): 0.11 made the latter a method.)
  if not client_id or not vim.lsp.get_client_by_id(client_id) then
    write_and_quit()
    return
  end
  local stopped = false
  local function done()
    if not stopped then
      stopped = true
      write_and_quit()
    end
  end
  on_server_exit = done
  vim.lsp.stop_client(client_id)
  vim.defer_fn(done, 3000)
end

if not out_path or not server then
  result.error = 'set PMW_NVIM_OUT (result file) and PMW_SERVER (path to dist/server.cjs)'
  vim.schedule(function()
    finish(result.error)
  end)
  return
end

vim.defer_fn(function()
  finish(string.format('timed out after %d ms (initialized=%s, attached=%s, published=%s)', timeout_ms,
    tostring(result.initialized), tostring(result.attached), tostring(result.published)))
end, timeout_ms)

local SEVERITY_NAMES = { [1] = 'ERROR', [2] = 'WARN', [3] = 'INFO', [4] = 'HINT' }

local function snapshot(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      code = d.code == nil and vim.NIL or d.code,
      source = d.source == nil and vim.NIL or d.source,
      message = d.message,
      severity = d.severity,
      severity_name = SEVERITY_NAMES[d.severity] or vim.NIL,
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  return list
end

local started = false

local function start(bufnr)
  if started then
    return
  end
  started = true
  local path = vim.api.nvim_buf_get_name(bufnr)
  result.uri = vim.uri_from_bufnr(bufnr)
  result.filetype = vim.bo[bufnr].filetype
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']

  local config = {
    name = 'postmortem',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':p:h'),
    -- No debounce: the server checks as soon as the document opens anyway.
    init_options = { debounceMs = 0 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, handler_config)
        -- Let Neovim's own handler turn the LSP diagnostics into vim.diagnostic ones.
        local value = default_publish(err, params, ctx, handler_config)
        if params and vim.uri_to_bufnr(params.uri) == bufnr then
          result.published = true
          result.publish_count = result.publish_count + 1
          if not finished then
            result.diagnostics = snapshot(bufnr)
            result.ok = result.initialized and result.attached
            if not result.ok then
              result.error = 'diagnostics arrived before initialize/attach was seen'
            end
            finish(nil, ctx.client_id)
          end
        end
        return value
      end,
    },
    on_init = function(_, initialize_result)
      result.initialized = true
      local info = initialize_result and initialize_result.serverInfo
      if info and info.name then
        result.server_name = info.name
      end
    end,
    on_attach = function(_, attached_bufnr)
      if attached_bufnr == bufnr then
        result.attached = true
      end
    end,
    on_exit = function(code)
      result.server_exit_code = code
      vim.schedule(function()
        if on_server_exit then
          on_server_exit()
        elseif not finished then
          finish(string.format('the server exited (code %s) before publishing diagnostics', tostring(code)))
        end
      end)
    end,
  }

  local client_id
  if vim.lsp.start then
    -- Neovim 0.8+: starts (or reuses) the client and attaches the buffer.
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    -- Neovim 0.7.
    client_id = vim.lsp.start_client(config)
    if client_id then
      vim.lsp.buf_attach_client(bufnr, client_id)
    end
  end
  if not client_id then
    finish('could not start the language server: ' .. table.concat(config.cmd, ' '))
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    start(args.buf)
  end,
})

-- The file named on the command line may be loaded before this runs on some versions,
-- or not be detected as markdown: check once startup is over.
vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local bufnr = vim.api.nvim_get_current_buf()
    if started then
      return
    end
    if vim.bo[bufnr].filetype == 'markdown' then
      start(bufnr)
    else
      finish(string.format('the buffer %q has filetype %q, not markdown', vim.api.nvim_buf_get_name(bufnr),
        vim.bo[bufnr].filetype))
    end
  end,
})
