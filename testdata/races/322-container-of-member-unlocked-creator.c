/* Pattern: the thread argument is a pointer to an embedded member
 * (`&data->dev`); the callback recovers the enclosing object with a
 * container_of macro and updates its fields under the object's mutex.
 * The probe function writes the same fields after starting two
 * callbacks, without the mutex.
 * Verdict: racy: the probe's writes overlap the callbacks' locked updates.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

// class: container-of

#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

struct device {
    int id;
};

struct drv_data {
    pthread_mutex_t lock;
    struct device dev;
    int a;
    int b;
};

static pthread_t t1, t2;

static void *callback(void *arg)
{
    struct device *dev = arg;
    struct drv_data *data = container_of(dev, struct drv_data, dev);
    pthread_mutex_lock(&data->lock);
    data->a = 1;
    data->b = data->b + 1;
    pthread_mutex_unlock(&data->lock);
    return NULL;
}

static int probe(struct drv_data *data)
{
    pthread_mutex_init(&data->lock, NULL);
    data->a = 0;
    data->b = 0;
    pthread_create(&t1, NULL, callback, &data->dev);
    pthread_create(&t2, NULL, callback, &data->dev);
    data->a = 3; // expect: CL002
    return 0;
}

static void disconnect(struct drv_data *data)
{
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    pthread_mutex_destroy(&data->lock);
}

int main(void)
{
    struct drv_data data;
    if (probe(&data) == 0)
        disconnect(&data);
    printf("%d %d\n", data.a, data.b);
    return 0;
}
