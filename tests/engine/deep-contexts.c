/* A thread whose walk has 2^N calling contexts (each level calls the next
 * with and without a lock held): with a small walk_budget it is cut. */
#include <pthread.h>
static pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m3 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m4 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m5 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m6 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m7 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m8 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m9 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m10 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m11 = PTHREAD_MUTEX_INITIALIZER;
int shared;
static void f12(void) { shared++; }
static void f11(void) { f12(); pthread_mutex_lock(&m11); f12(); pthread_mutex_unlock(&m11); }
static void f10(void) { f11(); pthread_mutex_lock(&m10); f11(); pthread_mutex_unlock(&m10); }
static void f9(void) { f10(); pthread_mutex_lock(&m9); f10(); pthread_mutex_unlock(&m9); }
static void f8(void) { f9(); pthread_mutex_lock(&m8); f9(); pthread_mutex_unlock(&m8); }
static void f7(void) { f8(); pthread_mutex_lock(&m7); f8(); pthread_mutex_unlock(&m7); }
static void f6(void) { f7(); pthread_mutex_lock(&m6); f7(); pthread_mutex_unlock(&m6); }
static void f5(void) { f6(); pthread_mutex_lock(&m5); f6(); pthread_mutex_unlock(&m5); }
static void f4(void) { f5(); pthread_mutex_lock(&m4); f5(); pthread_mutex_unlock(&m4); }
static void f3(void) { f4(); pthread_mutex_lock(&m3); f4(); pthread_mutex_unlock(&m3); }
static void f2(void) { f3(); pthread_mutex_lock(&m2); f3(); pthread_mutex_unlock(&m2); }
static void f1(void) { f2(); pthread_mutex_lock(&m1); f2(); pthread_mutex_unlock(&m1); }
static void f0(void) { f1(); pthread_mutex_lock(&m0); f1(); pthread_mutex_unlock(&m0); }
static void *worker(void *a) { (void)a; f0(); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, worker, 0); shared = 1; pthread_join(t, 0); return 0; }
