#include "support/mock_server.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <httplib.h>

namespace civic::test {
namespace fs = std::filesystem;

MockServer::MockServer() : m_server(std::make_unique<httplib::Server>()) {
  // Without it, small responses wait on delayed ACKs: ~40 ms per request.
  m_server->set_tcp_nodelay(true);
  m_server->Get(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  });
  m_server->Post(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  });
  m_port = m_server->bind_to_any_port("127.0.0.1");
  if (m_port <= 0) {
    throw std::runtime_error("mock server: cannot bind 127.0.0.1");
  }
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  for (int i = 0; i < 500 && !m_server->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

MockServer::~MockServer() {
  m_server->stop();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void MockServer::serve_directory(const fs::path& root) { m_root = root; }

void MockServer::on(const std::string& path, Handler handler) {
  std::lock_guard lock(m_mutex);
  m_overrides[path] = std::move(handler);
}

void MockServer::fail(const std::string& path, int status, const std::string& body) {
  on(path, [status, body](const httplib::Request&, httplib::Response& response) {
    response.status = status;
    response.set_content(body, "text/plain");
  });
}

std::string MockServer::url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

void MockServer::handle(const httplib::Request& request, httplib::Response& response) {
  ++m_requests;
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_overrides.find(request.path); it != m_overrides.end()) {
      it->second(request, response);
      return;
    }
  }
  if (m_root.empty() || request.path.find("..") != std::string::npos) {
    response.status = 404;
    return;
  }
  const fs::path target = m_root / request.path.substr(1);
  if (fs::is_directory(target)) {
    std::string html = "<html><body><ul>\n<li><a href=\"../\">Parent</a></li>\n";
    for (const auto& entry : fs::directory_iterator(target)) {
      const auto name = entry.path().filename().string() + (entry.is_directory() ? "/" : "");
      html += "<li><a href=\"" + httplib::detail::encode_query_param(entry.path().filename().string()) + (entry.is_directory() ? "/" : "") + "\">" + name + "</a></li>\n";
    }
    response.set_content(html + "</ul></body></html>\n", "text/html");
    return;
  }
  std::ifstream in(target, std::ios::binary);
  if (!in) {
    response.status = 404;
    return;
  }
  std::ostringstream content;
  content << in.rdbuf();
  response.set_content(content.str(), "application/octet-stream");
}

}  // namespace civic::test
