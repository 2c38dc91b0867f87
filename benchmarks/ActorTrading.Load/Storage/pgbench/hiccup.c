// Scheduling jitter of this machine, without PostgreSQL or .NET: a thread sleeping SLEEP_US in a loop for SECONDS and
// reporting every gap beyond the sleep (> 0.5 ms counted, > 10 ms printed with its time). Run one per vCPU at once:
//   gcc -O2 -o /tmp/hiccup hiccup.c && (/tmp/hiccup 15 100 & /tmp/hiccup 15 100; wait)
// (benchmarks/RESULTS.md, Storage, session 5).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int c,char**v){double s=atof(v[1]);double sleep_us=c>2?atof(v[2]):0;double t0=now(),last=t0,tot=0,mx=0;int n1=0,n5=0,n20=0;
 while(1){ if(sleep_us>0){struct timespec r={0,(long)(sleep_us*1000)};nanosleep(&r,0);} double t=now();double g=t-last; double exp=sleep_us*1e-6;
  double gap=g-exp; if(gap>0.0005){tot+=gap; if(gap>mx)mx=gap; n1++; if(gap>0.005)n5++; if(gap>0.020)n20++; if(gap>0.010) printf("%.3f gap %.1f ms\n",t-t0,gap*1e3);}
  last=t; if(t-t0>s)break;}
 printf("gaps>0.5ms %d, >5ms %d, >20ms %d, max %.1f ms, total %.1f ms in %.1f s\n",n1,n5,n20,mx*1e3,tot*1e3,s);return 0;}
