-- Headless Neovim as a third-party LSP client of `hanke lsp --stdio`: Neovim's own LSP
-- client (vim.lsp.start_client, which Neovim 0.7 — Debian 12's package — has; later
-- versions have it too) opens the examples and faulty copies, and this script checks
-- diagnostics, document symbols, a hover, a quick fix applied and written back, and
-- formatting. run.sh prepares the files, runs this and compares the written files.
-- Results: one line per check in $HANKE_OUT ("ok ..." / "FAIL ..."); exit code 0 only if
-- every check passed.
local cli = assert(os.getenv('HANKE_CLI'), 'HANKE_CLI')
local work = assert(os.getenv('HANKE_WORK'), 'HANKE_WORK')
local out_path = assert(os.getenv('HANKE_OUT'), 'HANKE_OUT')
local results = {}
local failed = false

local function check(ok, what)
  table.insert(results, (ok and 'ok   ' or 'FAIL ') .. what)
  if not ok then failed = true end
end

local function finish()
  local f = assert(io.open(out_path, 'w'))
  f:write(table.concat(results, '\n') .. '\n')
  f:write('neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) .. '\n')
  f:close()
  vim.cmd(failed and 'cquit! 1' or 'qall!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'hanke',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = work,
  })
  check(client_id ~= nil, 'the server starts')
  local client = vim.lsp.get_client_by_id(client_id)
  check(vim.wait(10000, function() return client.initialized end, 50), 'initialize answered')
  check(client.server_capabilities ~= nil or client.resolved_capabilities ~= nil, 'capabilities received')

  local function open(name)
    vim.cmd('edit! ' .. vim.fn.fnameescape(work .. '/' .. name))
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = 'hanke'
    -- The examples end without a newline: write them back as they are.
    vim.bo[buf].fixendofline = false
    vim.lsp.buf_attach_client(buf, client_id)
    return buf
  end

  local function diagnostics(buf, count_at_least)
    vim.wait(10000, function() return #vim.diagnostic.get(buf) >= (count_at_least or 0) end, 50)
    -- A moment more for a late publish (the server publishes once per version).
    vim.wait(300)
    local codes = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(codes, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) end
    table.sort(codes)
    return table.concat(codes, ','), vim.diagnostic.get(buf)
  end

  local function request(buf, method, params)
    local resp = client.request_sync(method, params, 10000, buf)
    if not resp then return nil, 'timeout' end
    return resp.result, resp.err
  end

  -- The examples: clean apart from the findings SPEC.md expects.
  local expected = { ['000'] = '', ['001'] = '', ['002'] = 'final-report-missing', ['003'] = 'final-report-missing', ['004'] = 'empty-field' }
  for _, name in ipairs(vim.fn.readdir(work .. '/examples')) do
    local buf = open('examples/' .. name)
    local want = expected[name:sub(1, 3)]
    local got = diagnostics(buf, want == '' and 0 or 1)
    check(got == want, 'diagnostics of ' .. name .. ': [' .. got .. '] expected [' .. tostring(want) .. ']')
    local syms = request(buf, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) }) or {}
    local names = {}
    for _, s in ipairs(syms) do table.insert(names, (s.name:match('^(%S+)'))) end
    check(table.concat(names, ' ') == '1 2 3 4 5 6 7 8 9', 'outline of ' .. name .. ': ' .. table.concat(names, ' '))
  end

  -- A hover over the project code: Markdown naming the code, without escapes.
  local buf = open('examples/' .. vim.fn.readdir(work .. '/examples')[1])
  local line = vim.fn.search('^Hankekoodi:', 'n') - 1
  local hover = request(buf, 'textDocument/hover', { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = 14 } })
  local value = hover and hover.contents and (hover.contents.value or '') or ''
  check(hover ~= nil and value:find('S2', 1, true) ~= nil, 'hover over the project code: ' .. value:sub(1, 60):gsub('\n', ' '))

  -- A faulty copy: "Kylä" after a label full of ä and ö. Its quick fix is requested with
  -- the diagnostic as Neovim sends it back (byte columns), applied and written.
  buf = open('faulty.txt')
  local codes, diags = diagnostics(buf, 1)
  check(codes == 'invalid-choice', 'diagnostics of the faulty copy: [' .. codes .. ']')
  local d = diags[1]
  if d then
    local lnum = d.lnum
    local lsp_diags = vim.lsp.diagnostic.get_line_diagnostics(buf, lnum)
    local sent = lsp_diags[1] and lsp_diags[1].range.start.character
    -- Neovim 0.7 sends the columns back in bytes (75 here; the server sent 71, in UTF-16): shown, not checked.
    table.insert(results, 'info the diagnostic is sent back starting at column ' .. tostring(sent) .. ' (the server sent 71)')
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(buf),
      range = { start = { line = lnum, character = d.col }, ['end'] = { line = lnum, character = d.end_col } },
      context = { diagnostics = lsp_diags },
    }
    local actions = request(buf, 'textDocument/codeAction', params) or {}
    local fix
    for _, a in ipairs(actions) do
      if a.edit and a.isPreferred then fix = a end
    end
    check(fix ~= nil, 'a preferred quick fix is offered (' .. #actions .. ' actions)')
    local docs = false
    for _, a in ipairs(actions) do if a.command then docs = true end end
    check(not docs, 'no action runs a command Neovim does not have')
    if fix then
      vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
      vim.cmd('write')
      check(diagnostics(buf, 0) == '', 'no diagnostics after the fix')
    end
  end

  -- Formatting of a copy with an ungrouped amount, trailing blanks and a missing blank line.
  buf = open('unformatted.txt')
  local edits = request(buf, 'textDocument/formatting', { textDocument = vim.lsp.util.make_text_document_params(buf), options = { tabSize = 2, insertSpaces = true } }) or {}
  check(#edits > 0, 'formatting returns edits (' .. #edits .. ')')
  vim.lsp.util.apply_text_edits(edits, buf, client.offset_encoding or 'utf-16')
  vim.cmd('write')

  -- A file that is not a description: one quiet hint, not the rule catalogue.
  buf = open('notes.txt')
  local _, notes = diagnostics(buf, 1)
  check(#notes == 1 and notes[1].severity == vim.diagnostic.severity.HINT, 'a shopping list gets one hint (' .. #notes .. ' diagnostics)')

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)

  -- Settings as docs/editors.md writes them for Neovim 0.7, which cannot answer
  -- workspace/configuration: `init_options = { locale = 'fi' }`. The messages come in Finnish.
  local fi_id = vim.lsp.start_client({
    name = 'hanke-fi',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = work,
    init_options = { locale = 'fi', rules = {} },
    settings = { hanke = { locale = 'fi', rules = {} } },
  })
  local fi = vim.lsp.get_client_by_id(fi_id)
  check(vim.wait(10000, function() return fi.initialized end, 50), 'initialize answered (init_options: locale fi)')
  vim.cmd('edit! ' .. vim.fn.fnameescape(work .. '/faulty-fi.txt'))
  buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'hanke'
  vim.lsp.buf_attach_client(buf, fi_id)
  local ns = vim.lsp.diagnostic.get_namespace(fi_id)
  local message = ''
  vim.wait(10000, function()
    local ds = vim.diagnostic.get(buf, { namespace = ns })
    message = ds[1] and ds[1].message or ''
    return message:find('ei ole sallittu arvo', 1, true) ~= nil
  end, 50)
  check(message:find('ei ole sallittu arvo', 1, true) ~= nil, 'init_options.locale = fi gives Finnish messages: ' .. message)
  vim.lsp.stop_client(fi_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(fi_id) == nil end, 50)
end)
if not ok then check(false, 'error: ' .. tostring(err)) end
finish()
