// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A big output buffer for line-per-packet output: text is formatted straight into it (std::to_chars,
// no QString, no iostream) and written with one fwrite per megabyte.

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

namespace wirelab::cli {

class OutputBuffer final
{
public:
    explicit OutputBuffer(std::FILE *out, std::size_t capacity = 1u << 20) : m_out(out), m_data(capacity) {}
    ~OutputBuffer() { flush(); }
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    // Room for n more bytes; write into it, then commit() what was used.
    char *reserve(std::size_t n)
    {
        if (m_used + n > m_data.size()) {
            flush();
            if (n > m_data.size())
                m_data.resize(n);
        }
        return m_data.data() + m_used;
    }
    void commit(std::size_t n) { m_used += n; }

    void append(std::string_view text)
    {
        std::memcpy(reserve(text.size()), text.data(), text.size());
        m_used += text.size();
    }
    void append(char c)
    {
        *reserve(1) = c;
        ++m_used;
    }
    void spaces(std::size_t n)
    {
        std::memset(reserve(n), ' ', n);
        m_used += n;
    }
    // Right-aligned in width (longer text is not cut).
    void alignRight(std::string_view text, std::size_t width)
    {
        if (text.size() < width)
            spaces(width - text.size());
        append(text);
    }
    // Left-aligned in width.
    void alignLeft(std::string_view text, std::size_t width)
    {
        append(text);
        if (text.size() < width)
            spaces(width - text.size());
    }
    template <typename Integer> void number(Integer value)
    {
        char *p = reserve(24);
        m_used += std::size_t(std::to_chars(p, p + 24, value).ptr - p);
    }

    // False when the output could not be written (a closed pipe, a full disk).
    bool flush()
    {
        if (m_used && m_ok)
            m_ok = std::fwrite(m_data.data(), 1, m_used, m_out) == m_used;
        m_used = 0;
        if (m_ok)
            m_ok = std::fflush(m_out) == 0;
        return m_ok;
    }
    bool ok() const { return m_ok; }

private:
    std::FILE *m_out;
    std::vector<char> m_data;
    std::size_t m_used = 0;
    bool m_ok = true;
};

} // namespace wirelab::cli
