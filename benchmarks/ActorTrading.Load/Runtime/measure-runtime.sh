#!/usr/bin/env bash
# Runs every runtime load scenario three times (the numbers in benchmarks/RESULTS.md, section Runtime).
# Build first: dotnet build benchmarks/ActorTrading.Load -c Release. chrt needs root.
cd "$(dirname "$0")/../../.."
L="dotnet benchmarks/ActorTrading.Load/bin/Release/net10.0/ActorTrading.Load.dll"
for i in 1 2 3; do
  echo "load $(cat /proc/loadavg)"
  $L pingpong --pairs 4 --messages 1000000 --inflight 100 | tail -1
  $L pingpong --pairs 1 --messages 1000000 --inflight 1 | tail -1
  $L pingpong --pairs 4 --messages 10000000 --inflight 100 | tail -1
  $L spawn --children 10000 | tail -1
  $L fanout --children 10000 --rounds 200 | tail -1
  $L request-latency --requests 20000 --paced-us 100 --dispatcher latency | tail -1
  $L request-latency --requests 20000 --paced-us 100 --dispatcher threadpool | tail -1
  timeout 60 chrt -f 10 $L request-latency --requests 20000 --paced-us 100 --dispatcher latency | tail -1 | sed 's/^/chrt /'
  timeout 60 chrt -f 10 $L request-latency --requests 20000 --paced-us 100 --dispatcher threadpool | tail -1 | sed 's/^/chrt /'
done
echo DONE
