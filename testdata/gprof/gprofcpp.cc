// C++ names for gprof: templates, overloads, operators, a namespace. Written for Perfdesk's test data.
#include <cstdio>
#include <vector>
#include <map>
namespace demo {
template <typename T> struct Box { T v; Box operator+(const Box& o) const { return Box{v + o.v}; } };
template <typename T> T sum(const std::vector<T>& xs) { T s{}; for (const T& x : xs) s = s + x; return s; }
double weigh(int x) { double s = 0; for (int i = 0; i < 2000; i++) s += (x % 7) * 0.5 + i * 1e-9; return s; }
double weigh(double x) { return weigh(static_cast<int>(x)) * 2; }
}
int main() {
    std::vector<demo::Box<long>> boxes;
    for (long i = 0; i < 200000; i++) boxes.push_back(demo::Box<long>{i});
    std::map<int, double> m;
    for (int i = 0; i < 20000; i++) m[i % 1000] += demo::weigh(i) + demo::weigh(i * 1.0);
    std::printf("%ld %f\n", demo::sum(boxes).v, m[3]);
    return 0;
}
